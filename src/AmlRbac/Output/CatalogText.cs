using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Output;

/// <summary>The catalog as plain-text tables for a terminal: what a user scans to find a name to type.</summary>
public static class CatalogText
{
    public static string Roles(IEnumerable<RoleDefinition> roles, int width) =>
        TextTable.Render(new[] { "ROLE", "DESCRIPTION" },
            roles.Select(r => new[] { r.Name, r.Description ?? string.Empty }), width);

    // Operation names run to over 100 characters: each takes the row's last column, its description under it, and
    // the scope Azure checks it at when that is only the subscription or the tenant.
    public static string Operations(IEnumerable<Operation> operations, int width) =>
        TextTable.Render(new[] { "KIND", "OPERATION" },
            operations.Select(o => new[] { o.Kind, $"{o.Name}\n{o.Description}{CheckedOnlyAt(o)}".TrimEnd() }), width);

    private static string CheckedOnlyAt(Operation operation) => operation.CheckedOnlyAt is { } restriction
        ? $"\nChecked only at the {(restriction.Level == ScopeLevel.Root ? "tenant root" : "subscription")}: {restriction.Rule}."
        : string.Empty;

    // Under what the activity is, each operation it needs and where Azure checks it, with the documentation's
    // wildcard it stands for.
    public static string Activities(IEnumerable<Activity> activities, int width) =>
        TextTable.Render(new[] { "ACTIVITY", "LEAST SCOPE", "WHAT" },
            activities.Select(a => new[] { a.Name, a.LeastScope.ToString(), string.Join('\n', new[] { a.DisplayName }.Concat(a.Required.Select(Line))) }), width);

    private static string Line(RequiredOperation required) =>
        $"- {required.Operation}, checked at {required.Where.Text}{(required.DocumentedAs is { } documented ? $" (documented as {documented})" : string.Empty)}";

    public static string Templates(IEnumerable<RoleTemplate> templates, int width) =>
        TextTable.Render(new[] { "TEMPLATE", "KIND", "ROLE" },
            templates.Select(t => new[] { t.Name, t.Kind.ToString(), $"{t.Role.Name}\n{t.Role.Description}".TrimEnd() }), width);
}
