using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// A tenant gathered from Az objects piped in one at a time (Get-AzRoleAssignment, Get-AzRoleDefinition,
/// Get-AzDenyAssignment output, Get-AzPolicyAssignment, Get-AzPolicyExemption, Get-AzPolicyDefinition,
/// Get-AzPolicySetDefinition output, or objects of the same shape). Each item is read with
/// <see cref="AzPolicyObjectReader"/> when it is a policy object, else with <see cref="AzObjectReader"/>;
/// an unreadable item is reported and skipped, the rest still count.
/// The same assignment or definition piped twice (listing two overlapping scopes does that) is kept once.
/// </summary>
public sealed class PipelineTenant
{
    private readonly Dictionary<string, RoleAssignment> _assignments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RoleDefinition> _definitions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DenyAssignment> _denies = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (ArmResource Resource, ResourceSnapshotReader.ResourceSection Section)> _resources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Principal> _principals = new(PrincipalIdComparer.Instance);
    private readonly Dictionary<string, PolicyAssignment> _policyAssignments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PolicyExemption> _policyExemptions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PolicyDefinition> _policyDefinitions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PolicySetDefinition> _policySetDefinitions = new(StringComparer.OrdinalIgnoreCase);
    private int _offered;
    private int _subjectsOnly;

    /// <summary>Nothing arrived: the upstream command listed nothing.</summary>
    public bool IsEmpty => _offered == 0;

    /// <summary>
    /// At least one item was offered as an Az object, read or not. Items that only named who or
    /// where to ask about are not: they leave the choice of tenant to the other sources.
    /// </summary>
    public bool HasObjects => _offered > _subjectsOnly;

    /// <summary>
    /// Reads one piped item (its properties by name) and keeps what it describes. <paramref name="isSubject"/>
    /// says the item also gave the command its principal or scope (by property name): such an item
    /// that is no Az object is a subject only, not an error. Throws InputObjectInvalid for any other
    /// item that is none of the shapes, PolicyInvalid for a policy object that cannot be read.
    /// Returns the role definition the item is, if it is one (a host may ask about it alone), else null.
    /// </summary>
    public RoleDefinition? Add(IReadOnlyDictionary<string, object?> properties, string itemDescription, bool isSubject = false)
    {
        _offered++;
        if (AddPolicy(properties, itemDescription))
        {
            return null;
        }
        if (AzResourceShape.TryRead(properties, itemDescription) is { } resource)
        {
            _resources.TryAdd(resource.Resource.Id, resource);
            return null;
        }
        object read;
        try
        {
            read = AzObjectReader.Read(properties, itemDescription);
        }
        catch (AmlRbacException) when (isSubject)
        {
            _subjectsOnly++;
            return null;
        }
        switch (read)
        {
            case RoleAssignment assignment:
                _assignments[assignment.Id] = assignment;
                // Get-AzRoleAssignment names the principal (DisplayName, SignInName): keep it, so questions
                // can name principals as users know them and answers show names beside ids.
                if (RoleAssignmentShape.NamedPrincipal(new SourceItem(properties, InputOrigin.PipedObject(itemDescription), string.Empty), assignment) is { } principal)
                {
                    _principals[principal.Id] = principal;
                }
                break;
            case RoleDefinition definition:
                _definitions[definition.Id] = definition;
                return definition;
            case DenyAssignment deny:
                _denies[deny.Id] = deny;
                break;
            default:
                throw new InvalidOperationException($"AzObjectReader returned a {read.GetType().Name}; PipelineTenant takes role assignments, role definitions and deny assignments.");
        }
        return null;
    }

    private bool AddPolicy(IReadOnlyDictionary<string, object?> properties, string itemDescription)
    {
        switch (AzPolicyObjectReader.TryRead(properties, itemDescription))
        {
            case PolicyAssignment assignment:
                _policyAssignments[assignment.Id] = assignment;
                return true;
            case PolicyExemption exemption:
                _policyExemptions[exemption.Id] = exemption;
                return true;
            case PolicyDefinition definition:
                _policyDefinitions[definition.Id] = definition;
                return true;
            case PolicySetDefinition set:
                _policySetDefinitions[set.Id] = set;
                return true;
            default:
                return false;
        }
    }

    public Tenant ToTenant() => new()
    {
        RoleAssignments = _assignments.Values.ToList(),
        RoleDefinitions = _definitions.Values.ToList(),
        DenyAssignments = _denies.Values.ToList(),
        Principals = _principals.Values.ToList(),
        Policy = new PolicyState
        {
            Assignments = _policyAssignments.Values.ToList(),
            Exemptions = _policyExemptions.Values.ToList(),
            Definitions = _policyDefinitions.Values.ToList(),
            SetDefinitions = _policySetDefinitions.Values.ToList(),
            Source = "piped objects",
        },
        Resources = Inventory(),
        Workspaces = _resources.Values.Where(r => r.Section.Name == "workspaces").Select(r => r.Resource.Id).ToList(),
        Source = "piped objects",
    };

    // The resources piped in (Get-AzResource), one list per kind; a kind none was piped of is not listed (null), so
    // the posture rules that need it say Unknown rather than "none".
    private ResourceInventory Inventory()
    {
        var lists = new ResourceSnapshotReader.Lists();
        foreach (var group in _resources.Values.GroupBy(r => r.Section))
        {
            group.Key.Set(lists, group.Select(r => r.Resource).ToList());
        }
        return lists.ToInventory();
    }
}
