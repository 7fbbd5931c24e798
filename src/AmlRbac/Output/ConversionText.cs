using System.Text;

using AmlRbac.Rbac;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.Output;

/// <summary>
/// One workspace for people (amlrbac workspace-identity's table format): a heading line with the status,
/// then the identity, the roles before and after, the writes, and the operations lost and gained, one
/// per line so that a reviewer can read the evidence.
/// </summary>
public static class ConversionText
{
    public static string Format(WorkspaceConversion conversion)
    {
        var text = new StringBuilder();
        text.Append(conversion.Status).Append(": ").AppendLine(conversion.WorkspaceId);
        Line(text, "identity", conversion.PrincipalId is null ? Array.Empty<string>() : new[] { conversion.PrincipalId });
        if (conversion.CreatedAt is { } created)
        {
            Line(text, "created", new[] { created.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        }
        Line(text, "before", new[] { Roles(conversion.BeforeRoles) });
        Line(text, "after", new[] { Roles(conversion.AfterRoles) });
        Line(text, "steps", conversion.Steps);
        Line(text, $"lost ({conversion.LostOperations.Count})", conversion.LostOperations);
        Line(text, $"gained ({conversion.GainedOperations.Count})", conversion.GainedOperations);
        if (conversion.Reason is { } reason)
        {
            Line(text, conversion.ErrorId ?? "reason", new[] { reason });
        }
        return text.ToString();
    }

    private static string Roles(IReadOnlyList<string> roles) => roles.Count == 0 ? "(none)" : string.Join(", ", roles);

    private static void Line(StringBuilder text, string label, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            if (label.EndsWith("(0)", StringComparison.Ordinal))
            {
                text.Append("  ").AppendLine(label);
            }
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            text.Append("  ").Append((i == 0 ? label + ":" : string.Empty).PadRight(18)).Append(' ').AppendLine(values[i]);
        }
    }
}
