using AmlRbac.Model;
using AmlRbac.Sources.Live;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.Tests.WorkspaceIdentity;

/// <summary>
/// An in-memory ARM for the converter: workspaces and assignments that the writes change, Azure's grant
/// of Azure AI Administrator after the PATCH (after <see cref="GrantAfterReads"/> further reads), failures
/// planned per call, and a log of every call.
/// </summary>
internal sealed class FakeWorkspaceArm : IWorkspaceArm
{
    public const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    public const string Administrator = "b78c5d69-af96-48a3-bf8d-a8b4d589de94";

    private readonly Dictionary<string, WorkspaceState> _workspaces = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _pendingGrants = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AmlRbacException> _failures = new(StringComparer.OrdinalIgnoreCase);
    private int _assignmentNumber;

    public List<string> Calls { get; } = new();
    public List<(string Id, string RoleDefinitionId, string Scope, string PrincipalId)> Assignments { get; } = new();

    /// <summary>Reads of the assignments after the PATCH before Azure's grant shows (-1: never).</summary>
    public int GrantAfterReads { get; set; }

    public IEnumerable<string> Writes => Calls.Where(c => c.Split(' ')[0] is "PATCH" or "PUT" or "DELETE");

    public WorkspaceId Add(string name, string? principalId, string identityType = "SystemAssigned", bool? allow = null, params string[] roles)
    {
        var workspace = WorkspaceId.From("00000000-0000-0000-0000-000000000001", "rg-ml", name);
        _workspaces[workspace.Id] = new WorkspaceState { IdentityType = identityType, PrincipalId = principalId, AllowRoleAssignmentOnResourceGroup = allow };
        foreach (var role in roles)
        {
            Assign(workspace.ResourceGroup, role, principalId!);
        }
        return workspace;
    }

    public void Assign(string scope, string role, string principalId) =>
        Assignments.Add(($"{scope}/providers/Microsoft.Authorization/roleAssignments/a{++_assignmentNumber}", role, scope, principalId));

    /// <summary>Makes the call whose log line starts with <paramref name="call"/> fail with an ARM failure.</summary>
    public void Fail(string call, string errorId, FailureCategory category) =>
        _failures[call] = new AmlRbacException(errorId, category, $"Azure Resource Manager refused {call}.");

    public Task<WorkspaceState> GetWorkspaceAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        Record("GET " + workspace.Id);
        return _workspaces.TryGetValue(workspace.Id, out var state)
            ? Task.FromResult(state)
            : throw new AmlRbacException(ErrorIds.ArmRequestFailed, FailureCategory.ObjectNotFound, "Azure Resource Manager answered 404.");
    }

    public Task<IReadOnlyList<IdentityAssignment>> ListAssignmentsAsync(WorkspaceId workspace, string principalId, CancellationToken cancellationToken)
    {
        Record("LIST " + workspace.ResourceGroup);
        if (_pendingGrants.TryGetValue(workspace.Id, out var left))
        {
            if (left == 0)
            {
                _pendingGrants.Remove(workspace.Id);
                Assign(workspace.ResourceGroup, Administrator, principalId);
            }
            else if (left > 0)
            {
                _pendingGrants[workspace.Id] = left - 1;
            }
        }
        IReadOnlyList<IdentityAssignment> mine = Assignments
            .Where(a => a.PrincipalId == principalId && Scope.IsAtOrAbove(a.Scope, workspace.ResourceGroup))
            .Select(a => new IdentityAssignment(a.Id, a.RoleDefinitionId, a.Scope))
            .ToList();
        return Task.FromResult(mine);
    }

    /// <summary>The caller's permission blocks (Owner's by default); null: the caller may not read them.</summary>
    public IReadOnlyList<Permission>? CallerPermissions { get; set; } = new[] { new Permission { Actions = new[] { "*" } } };

    public Task<IReadOnlyList<Permission>?> GetCallerPermissionsAsync(string scope, CancellationToken cancellationToken)
    {
        Record("PERMISSIONS " + scope);
        return Task.FromResult(CallerPermissions);
    }

    public Task AllowRoleAssignmentOnResourceGroupAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        Record("PATCH " + workspace.Id);
        _workspaces[workspace.Id] = _workspaces[workspace.Id] with { AllowRoleAssignmentOnResourceGroup = true };
        _pendingGrants[workspace.Id] = GrantAfterReads;
        return Task.CompletedTask;
    }

    public Task CreateAssignmentAsync(WorkspaceId workspace, string principalId, string roleDefinitionId, CancellationToken cancellationToken)
    {
        Record($"PUT {workspace.ResourceGroup} {roleDefinitionId}");
        Assign(workspace.ResourceGroup, roleDefinitionId, principalId);
        return Task.CompletedTask;
    }

    public Task DeleteAssignmentAsync(string assignmentId, CancellationToken cancellationToken)
    {
        Record("DELETE " + assignmentId);
        Assignments.RemoveAll(a => a.Id == assignmentId);
        return Task.CompletedTask;
    }

    private void Record(string call)
    {
        Calls.Add(call);
        var failure = _failures.FirstOrDefault(f => call.StartsWith(f.Key, StringComparison.OrdinalIgnoreCase));
        if (failure.Value is not null)
        {
            throw failure.Value;
        }
    }
}
