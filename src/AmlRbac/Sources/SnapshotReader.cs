using System.Security.Cryptography;
using System.Text;
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

    // The sections of a snapshot document, in the order SnapshotWriter writes them, and what each item of one
    // becomes. The Azure Policy sections are read by PolicySnapshotReader (model deployment guardrails).
    private static readonly (string Name, Action<Collected, SourceItem>? Read)[] Sections =
    {
        ("schemaVersion", null),
        ("roleDefinitions", (c, i) => c.Add(i, AuthorizationItemKind.RoleDefinition)),
        ("roleAssignments", (c, i) => c.Add(i, AuthorizationItemKind.RoleAssignment)),
        ("roleEligibilityScheduleInstances", (c, i) => c.Add(i, AuthorizationItemKind.EligibleRoleAssignment)),
        ("denyAssignments", (c, i) => c.Add(i, AuthorizationItemKind.DenyAssignment)),
        ("groups", (c, i) => c.Groups.Add(DirectoryShapes.ReadGroup(i))),
        ("managementGroups", (c, i) => c.ManagementGroups.Add(DirectoryShapes.ReadManagementGroup(i))),
        ("principals", (c, i) => c.AddPrincipal(DirectoryShapes.ReadPrincipal(i))),
        ("policyDefinitions", null), ("policySetDefinitions", null), ("policyAssignments", null), ("policyExemptions", null),
        ("workspaces", null), ("computes", null), ("privateEndpointConnections", null), ("diagnosticSettings", null), ("privateDnsZoneGroups", null),
    };

    // Sections read whole as JSON (small beside the RBAC sections): the Azure Policy sections, read by
    // PolicySnapshotReader, and the posture resource sections, read by ResourceSnapshotReader.
    private static readonly string[] WholeSections =
        new[] { "policyDefinitions", "policySetDefinitions", "policyAssignments", "policyExemptions" }.Concat(ResourceSnapshotReader.SectionNames).ToArray();

    /// <summary>
    /// Reads the snapshot at <paramref name="path"/> in one forward pass over the file (issue #16): a
    /// snapshot that starts with its schemaVersion (as <c>amlrbac export</c> writes it) or a JSON array is read
    /// item by item, never held whole as text or as a document.
    /// </summary>
    public static Tenant Read(string path)
    {
        using var file = FileInput.OpenRead(path, ErrorIds.SnapshotNotFound, "Snapshot file");
        return Read(file, path);
    }

    /// <summary>
    /// Reads the snapshot at <paramref name="path"/> as <see cref="Read(string)"/> does, and digests the bytes as they
    /// are read (one pass, so the digest is of what was parsed even if the file changes afterwards):
    /// <paramref name="evidence"/> names the file for an audit (amlrbac diff, Compare-AmlRbacSnapshot).
    /// </summary>
    public static Tenant Read(string path, out SnapshotEvidence evidence)
    {
        using var file = FileInput.OpenRead(path, ErrorIds.SnapshotNotFound, "Snapshot file");
        using var sha256 = SHA256.Create();
        using var hashing = new CryptoStream(file, sha256, CryptoStreamMode.Read, leaveOpen: true);
        var tenant = Read(hashing, path);
        // Whatever the reader left unread (trailing white space) is digested too: the digest is of the whole file.
        hashing.CopyTo(Stream.Null);
        evidence = new SnapshotEvidence(path, Convert.ToHexString(sha256.Hash!).ToLowerInvariant(), file.Length);
        return tenant;
    }

    /// <summary>Reads a snapshot from its text; <paramref name="sourceName"/> names it in messages and in <see cref="Tenant.Source"/>.</summary>
    public static Tenant Parse(string json, string sourceName) => Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), sourceName);

    private static Tenant Read(Stream stream, string sourceName)
    {
        var strings = new StringPool();
        var origin = InputOrigin.SnapshotFile(sourceName) with { Strings = strings };
        try
        {
            // The stream keeps its own field names (on the thread that parses a list, ListPrefetch) apart from
            // the values' strings this one keeps in the origin's pool.
            var json = new JsonStream(stream);
            var tenant = Read(json, origin, sourceName);
            if (json.Next(out _) != JsonTokenType.None)
            {
                throw new JsonException("the snapshot has more than one JSON value.");
            }
            return tenant;
        }
        catch (JsonException e)
        {
            // JsonException counts lines and bytes from 0; people count from 1.
            var reason = e.Message.Split(" LineNumber:")[0].Trim();
            throw origin.Fail("$", $"not valid JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {reason}");
        }
    }

    private static Tenant Read(JsonStream json, InputOrigin origin, string sourceName)
    {
        var collected = new Collected();
        var policy = PolicyState.Empty;
        var resources = ResourceInventory.Empty;
        var inventory = false;
        switch (json.Next(out _))
        {
            case JsonTokenType.StartArray:
                var index = 0;
                foreach (var value in ListPrefetch.Values(json))
                {
                    collected.AddDetected(SourceItem.ItemAt(value, origin, "$", index++));
                }
                json.Next(out _);
                break;
            case JsonTokenType.StartObject:
                var wholeSections = new WholeSectionText();
                if (json.Next(out var first) == JsonTokenType.PropertyName && first!.Equals("schemaVersion", StringComparison.OrdinalIgnoreCase))
                {
                    ReadDocument(json, first, origin, collected, wholeSections);
                    (policy, resources) = wholeSections.Read(sourceName);
                    inventory = true;
                    break;
                }
                // Anything else (one ARM list page, a single exported object, a document whose schemaVersion
                // is not first) is read whole, then told apart by its fields.
                var item = new SourceItem(ReadFields(json, first, wholeSections), origin, "$");
                if (item.Has("schemaVersion"))
                {
                    ReadDocument(item, collected);
                    (policy, resources) = wholeSections.Read(sourceName);
                    inventory = true;
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
                // A scalar: its one token is read; anything after it is a JSON error first, as it always was.
                if (json.Next(out _) != JsonTokenType.None)
                {
                    throw new JsonException("the snapshot has more than one JSON value.");
                }
                throw origin.Fail("$", "expected a snapshot object or an array of exported role assignments, role definitions or deny assignments.");
        }
        // AmlRbac's own document lists what it was exported for; exported items are what the user chose to give.
        return collected.ToTenant(sourceName) with
        {
            Policy = policy,
            Resources = resources,
            Workspaces = resources.Workspaces?.Select(w => w.Id).ToList() ?? (IReadOnlyList<string>)Array.Empty<string>(),
            IsInventory = inventory,
        };
    }

    // The rest of an object whose first field name was read, as plain values; policy and resource sections are kept as text.
    private static Dictionary<string, object?> ReadFields(JsonStream json, string? first, WholeSectionText wholeSections)
    {
        var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        for (var name = first; name is not null; name = json.Next(out var next) == JsonTokenType.PropertyName ? next : null)
        {
            if (!fields.ContainsKey(name) && WholeSections.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                fields.Add(name, true);
                wholeSections.Add(name, json.RawValue());
            }
            else
            {
                fields.TryAdd(name, json.Value());
            }
        }
        return fields;
    }

    // A document read as it streams: each section's items become the model as they are read. Field names
    // match case-insensitively and the first of two spellings wins, as in every other source (SourceItem).
    private static void ReadDocument(JsonStream json, string versionName, InputOrigin origin, Collected collected, WholeSectionText wholeSections)
    {
        var header = new SourceItem(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { [versionName] = json.Value() }, origin, "$");
        CheckVersion(header);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { versionName };
        while (json.Next(out var name) == JsonTokenType.PropertyName)
        {
            if (!seen.Add(name!))
            {
                json.SkipValue();
                continue;
            }
            CheckSection(header, name!);
            if (WholeSections.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                wholeSections.Add(name!, json.RawValue());
            }
            else if (name!.StartsWith('$'))
            {
                json.SkipValue();
            }
            else
            {
                ReadSection(json, header, name, collected);
            }
        }
    }

    private static void ReadSection(JsonStream json, SourceItem document, string name, Collected collected)
    {
        var read = Sections.First(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Read!;
        if (json.Peek() != JsonTokenType.StartArray)
        {
            // Not a list: SourceItem says what is wrong with it (or reads null as no items).
            _ = new SourceItem(new Dictionary<string, object?> { [name] = json.Value() }, document.Origin, document.Path).Items(name);
            return;
        }
        json.Next(out _);
        var listPath = $"{document.Path}.{name}";
        var index = 0;
        foreach (var value in ListPrefetch.Values(json))
        {
            read(collected, SourceItem.ItemAt(value, document.Origin, listPath, index++));
        }
        json.Next(out _);
    }

    // A document read whole (its schemaVersion is not its first field), section by section.
    private static void ReadDocument(SourceItem document, Collected collected)
    {
        CheckVersion(document);
        foreach (var section in document.FieldNames)
        {
            CheckSection(document, section);
        }
        foreach (var (name, read) in Sections)
        {
            if (read is not null)
            {
                foreach (var item in document.Items(name))
                {
                    read(collected, item);
                }
            }
        }
    }

    private static void CheckVersion(SourceItem document)
    {
        var version = document.Integer("schemaVersion");
        if (version != SchemaVersion)
        {
            throw document.Invalid("schemaVersion", $"unknown schemaVersion {version}: this version of AmlRbac reads schemaVersion {SchemaVersion}.");
        }
    }

    // A misspelt section would silently drop its items and make every answer "not granted".
    private static void CheckSection(SourceItem document, string section)
    {
        if (!Sections.Any(s => s.Name.Equals(section, StringComparison.OrdinalIgnoreCase)) && !section.StartsWith('$'))
        {
            throw document.Invalid(section, $"unknown section; a snapshot has {string.Join(", ", Sections.Select(s => s.Name))}.");
        }
    }

    // One page of an ARM list ({ "value": [...], "nextLink": ... }, x-ms-pageable [SPEC-RA]). A page with a nextLink
    // is not the whole list, and a missing assignment would read as "not granted".
    private static void ReadListPage(SourceItem page, Collected collected)
    {
        if (page.String("nextLink") is not null)
        {
            throw page.Invalid("nextLink", "this is one page of a longer ARM list; save every page (follow nextLink) into one array.");
        }
        foreach (var item in page.Items("value"))
        {
            collected.AddDetected(item);
        }
    }

    /// <summary>
    /// The policy and resource sections of a document, kept as their JSON text while the rest streams, then read by
    /// <see cref="PolicySnapshotReader"/> and <see cref="ResourceSnapshotReader"/> as the root object they read (they
    /// are small beside the RBAC sections).
    /// </summary>
    private sealed class WholeSectionText
    {
        private readonly MemoryStream _text = new();
        private readonly Utf8JsonWriter _writer;

        public WholeSectionText()
        {
            _writer = new Utf8JsonWriter(_text);
            _writer.WriteStartObject();
        }

        public void Add(string name, byte[] value)
        {
            _writer.WritePropertyName(name);
            _writer.WriteRawValue(value, skipInputValidation: true);
        }

        public (PolicyState Policy, ResourceInventory Resources) Read(string sourceName)
        {
            _writer.WriteEndObject();
            _writer.Flush();
            using var document = JsonDocument.Parse(_text.ToArray());
            return (PolicySnapshotReader.Read(document.RootElement, sourceName), ResourceSnapshotReader.Read(document.RootElement, sourceName));
        }
    }

    /// <summary>
    /// Everything read so far, in file order, except that eligible assignments of a document follow its
    /// active ones and that names exported beside assignments count only for principals the principals
    /// section does not name (wherever it stands). Scopes, role ids and principal ids a tenant repeats on every
    /// assignment are kept once by the readers of the items, through the origin's <see cref="StringPool"/>.
    /// </summary>
    private sealed class Collected
    {
        private readonly Dictionary<string, Principal> _principals = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<RoleAssignment> _eligible = new();
        private readonly List<Principal> _namedByAssignments = new();

        public List<RoleDefinition> RoleDefinitions { get; } = new();
        public List<RoleAssignment> RoleAssignments { get; } = new();
        public List<DenyAssignment> DenyAssignments { get; } = new();
        public List<Group> Groups { get; } = new();
        public List<ManagementGroup> ManagementGroups { get; } = new();
        public List<Principal> Principals { get; } = new();

        public void AddDetected(SourceItem item) => Add(item, AuthorizationItem.Detect(item), RoleAssignments);

        public void Add(SourceItem item, AuthorizationItemKind kind) =>
            Add(item, kind, kind == AuthorizationItemKind.EligibleRoleAssignment ? _eligible : RoleAssignments);

        private void Add(SourceItem item, AuthorizationItemKind kind, List<RoleAssignment> assignments)
        {
            switch (AuthorizationItem.Read(item, kind))
            {
                case RoleAssignment assignment:
                    assignments.Add(assignment);
                    if (RoleAssignmentShape.NamedPrincipal(item, assignment) is { } principal)
                    {
                        _namedByAssignments.Add(principal);
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

        /// <summary>Adds a principal unless one with its id is known (the principals section wins: names from assignments are added last).</summary>
        public void AddPrincipal(Principal principal)
        {
            if (_principals.TryAdd(principal.Id, principal))
            {
                Principals.Add(principal);
            }
        }

        public Tenant ToTenant(string source)
        {
            RoleAssignments.AddRange(_eligible);
            _namedByAssignments.ForEach(AddPrincipal);
            return new Tenant
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
}
