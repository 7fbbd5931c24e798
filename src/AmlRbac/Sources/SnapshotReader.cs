using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Reads a tenant from a snapshot file: AmlRbac's own document (schemaVersion 1, see samples/README.md),
/// or what users already have: a JSON array of exported items (<c>Get-AzRoleAssignment | ConvertTo-Json</c>,
/// <c>az role definition list</c> ...), one ARM list page <c>{ "value": [...] }</c>, or a single exported
/// object. Everything is read into a <see cref="Tenant"/> or the read fails with
/// <see cref="ErrorIds.SnapshotInvalid"/> naming the file, the JSON path and the problem: nothing is ever
/// evaluated from a half-read file.
/// </summary>
public static class SnapshotReader
{
    /// <summary>The schema version this reader understands.</summary>
    public const int SchemaVersion = 1;

    private static readonly string[] Sections =
    {
        "schemaVersion", "roleDefinitions", "roleAssignments", "roleEligibilityScheduleInstances",
        "denyAssignments", "groups", "managementGroups", "principals",
        // Azure Policy sections, read by Policy/PolicySnapshotReader (model deployment guardrails).
        "policyDefinitions", "policySetDefinitions", "policyAssignments", "policyExemptions",
    };

    /// <summary>Reads the snapshot at <paramref name="path"/>.</summary>
    public static Tenant Read(string path)
    {
        var json = FileInput.ReadAllText(path, ErrorIds.SnapshotNotFound, "Snapshot file");
        return Parse(json, path);
    }

    /// <summary>Reads a snapshot from its text; <paramref name="sourceName"/> names it in messages and in <see cref="Tenant.Source"/>.</summary>
    public static Tenant Parse(string json, string sourceName)
    {
        var origin = InputOrigin.SnapshotFile(sourceName);
        JsonDocument document;
        object? root;
        try
        {
            document = JsonDocument.Parse(json);
            root = JsonValues.From(document.RootElement);
        }
        catch (JsonException e)
        {
            // JsonException counts lines and bytes from 0; people count from 1.
            var reason = e.Message.Split(" LineNumber:")[0].Trim();
            throw origin.Fail("$", $"not valid JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {reason}");
        }

        using (document)
        {
            return Read(root, document.RootElement, origin, sourceName);
        }
    }

    private static Tenant Read(object? root, JsonElement rootElement, InputOrigin origin, string sourceName)
    {
        var collected = new Collected();
        var policy = PolicyState.Empty;
        switch (root)
        {
            case List<object?> items:
                collected.AddDetected(SourceItem.ItemsOf(items, origin, "$"));
                break;
            case Dictionary<string, object?> fields:
                var item = new SourceItem(fields, origin, "$");
                if (item.Has("schemaVersion"))
                {
                    ReadDocument(item, collected);
                    policy = PolicySnapshotReader.Read(rootElement, sourceName);
                }
                else if (item.Has("value"))
                {
                    ReadListPage(item, collected);
                }
                else
                {
                    collected.Add(item, AuthorizationItem.Detect(item));
                }
                break;
            default:
                throw origin.Fail("$", "expected a snapshot object or an array of exported role assignments, role definitions or deny assignments.");
        }
        return collected.ToTenant(sourceName) with { Policy = policy };
    }

    private static void ReadDocument(SourceItem document, Collected collected)
    {
        var version = document.Integer("schemaVersion");
        if (version != SchemaVersion)
        {
            throw document.Invalid("schemaVersion", $"unknown schemaVersion {version}: this version of AmlRbac reads schemaVersion {SchemaVersion}.");
        }
        foreach (var section in document.FieldNames)
        {
            // A misspelt section would silently drop its items and make every answer "not granted".
            if (!Sections.Contains(section, StringComparer.OrdinalIgnoreCase) && !section.StartsWith('$'))
            {
                throw document.Invalid(section, $"unknown section; a snapshot has {string.Join(", ", Sections)}.");
            }
        }
        // Principals first: names the principals section gives win over names exported beside assignments.
        foreach (var principal in document.Items("principals"))
        {
            collected.AddPrincipal(DirectoryShapes.ReadPrincipal(principal));
        }
        foreach (var definition in document.Items("roleDefinitions"))
        {
            collected.Add(definition, AuthorizationItemKind.RoleDefinition);
        }
        foreach (var assignment in document.Items("roleAssignments"))
        {
            collected.Add(assignment, AuthorizationItemKind.RoleAssignment);
        }
        foreach (var eligible in document.Items("roleEligibilityScheduleInstances"))
        {
            collected.Add(eligible, AuthorizationItemKind.EligibleRoleAssignment);
        }
        foreach (var deny in document.Items("denyAssignments"))
        {
            collected.Add(deny, AuthorizationItemKind.DenyAssignment);
        }
        collected.Groups.AddRange(document.Items("groups").Select(DirectoryShapes.ReadGroup));
        collected.ManagementGroups.AddRange(document.Items("managementGroups").Select(DirectoryShapes.ReadManagementGroup));
    }

    // One page of an ARM list ({ "value": [...], "nextLink": ... }, x-ms-pageable [SPEC-RA]). A page with a nextLink
    // is not the whole list, and a missing assignment would read as "not granted".
    private static void ReadListPage(SourceItem page, Collected collected)
    {
        if (page.String("nextLink") is not null)
        {
            throw page.Invalid("nextLink", "this is one page of a longer ARM list; save every page (follow nextLink) into one array.");
        }
        collected.AddDetected(page.Items("value"));
    }

    /// <summary>Everything read so far, in file order.</summary>
    private sealed class Collected
    {
        private readonly Dictionary<string, Principal> _principals = new(StringComparer.OrdinalIgnoreCase);

        public List<RoleDefinition> RoleDefinitions { get; } = new();
        public List<RoleAssignment> RoleAssignments { get; } = new();
        public List<DenyAssignment> DenyAssignments { get; } = new();
        public List<Group> Groups { get; } = new();
        public List<ManagementGroup> ManagementGroups { get; } = new();
        public List<Principal> Principals { get; } = new();

        public void AddDetected(IEnumerable<SourceItem> items)
        {
            foreach (var item in items)
            {
                Add(item, AuthorizationItem.Detect(item));
            }
        }

        public void Add(SourceItem item, AuthorizationItemKind kind)
        {
            switch (AuthorizationItem.Read(item, kind))
            {
                case RoleAssignment assignment:
                    RoleAssignments.Add(assignment);
                    if (RoleAssignmentShape.NamedPrincipal(item, assignment) is { } principal)
                    {
                        AddPrincipal(principal);
                    }
                    break;
                case RoleDefinition definition:
                    RoleDefinitions.Add(definition);
                    break;
                case DenyAssignment deny:
                    DenyAssignments.Add(deny);
                    break;
            }
        }

        /// <summary>Adds a principal unless one with its id is known (the principals section comes first and wins).</summary>
        public void AddPrincipal(Principal principal)
        {
            if (_principals.TryAdd(principal.Id, principal))
            {
                Principals.Add(principal);
            }
        }

        public Tenant ToTenant(string source) => new()
        {
            RoleDefinitions = RoleDefinitions,
            RoleAssignments = RoleAssignments,
            DenyAssignments = DenyAssignments,
            Groups = Groups,
            ManagementGroups = ManagementGroups,
            Principals = Principals,
            Source = source,
        };
    }
}
