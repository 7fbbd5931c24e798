using System.Text.Json;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Sources.Live;

/// <summary>
/// The Azure Policy part of a collection: what decides which models may be deployed (issue 6), read in ARM's
/// shapes and parsed by <see cref="PolicySnapshotReader"/>, as a snapshot's policy sections are.
/// </summary>
public sealed partial class LiveTenantCollector
{
    /// <summary>
    /// The policy assignments and exemptions at, above and below <paramref name="scope"/>.
    /// <para>
    /// At a subscription, resource group or resource each list is read unfiltered. [SPEC-PA]: atScope() returns
    /// "everything in the unfiltered list except those applied to resources contained within the resource group" (at
    /// a subscription including those "from management groups that contain the given subscription"), and "Without a
    /// filter the list also contains assignments on child resources"; [SPEC-EX] says the same of exemptions
    /// ("everything in the unfiltered list except those applied to sub scopes"). So atScope() at a subscription would
    /// miss an exemption on a workspace below it, as in the sample tenant; the unfiltered list holds what atScope()
    /// would return at every scope below, in one request per asked scope, as the role assignment lists do.
    /// </para>
    /// <para>
    /// A management group's lists hold nothing below the group: PolicyAssignments_ListForManagementGroup "retrieves
    /// the list of all policy assignments applicable to the management group that match the given $filter. [...] If
    /// $filter=atScope() is provided, the returned list includes all policy assignments that are assigned to the
    /// management group or the management group's ancestors" [SPEC-PA], and PolicyExemptions_ListForManagementGroup
    /// says the same of exemptions [SPEC-EX]; neither describes an unfiltered list, and 2019-09-01 required the
    /// filter ("A filter is required when listing policy assignments at management group scope", azure-rest-api-specs
    /// specification/resources/resource-manager/Microsoft.Authorization/stable/2019-09-01/policyAssignments.json).
    /// So the group is read with atScope(), then each subscription under it (from the hierarchy read for the role
    /// assignments) unfiltered, which adds its resource groups and resources: one list per subscription per kind.
    /// An assignment on a management group below the asked one that holds no subscription is not read; it applies
    /// to no resource, so it changes no answer about a workspace (inference).
    /// </para>
    /// </summary>
    private async Task ReadPolicyAsync(Run run, Scope scope, IReadOnlyList<ManagementGroup> managementGroups, ScopeTree tree)
    {
        if (scope.Level != ScopeLevel.ManagementGroup)
        {
            await ReadPolicyAtAsync(run, scope, null).ConfigureAwait(false);
            return;
        }
        await ReadPolicyAtAsync(run, scope, ArmRoutes.AtScope).ConfigureAwait(false);
        foreach (var subscription in SubscriptionsUnder(scope, managementGroups, tree))
        {
            await ReadPolicyAtAsync(run, subscription, null).ConfigureAwait(false);
        }
    }

    // A subscription lists its management groups' assignments too, already read at the group: kept once, by id.
    private async Task ReadPolicyAtAsync(Run run, Scope scope, string? filter)
    {
        foreach (var (item, source, path) in await ReadPolicyListAsync(run, "policy assignments", scope, ArmRoutes.PolicyAssignments(scope), ArmRoutes.PolicyApiVersion, filter).ConfigureAwait(false))
        {
            var assignment = FromArm(() => PolicySnapshotReader.ReadAssignment(item, source, path));
            run.PolicyAssignments.TryAdd(assignment.Id, assignment);
        }
        foreach (var (item, source, path) in await ReadPolicyListAsync(run, "policy exemptions", scope, ArmRoutes.PolicyExemptions(scope), ArmRoutes.PolicyExemptionsApiVersion, filter).ConfigureAwait(false))
        {
            var exemption = FromArm(() => PolicySnapshotReader.ReadExemption(item, source, path));
            run.PolicyExemptions.TryAdd(exemption.Id, exemption);
        }
    }

    /// <summary>
    /// Each definition and initiative the assignments name, read by its id (PolicyDefinitions_GetBuiltIn /
    /// _Get / _GetAtManagementGroup and the set-definition equivalents address a definition by the path its id
    /// is, [SPEC-PD] [SPEC-PSD]), then the members of each initiative. Built-ins are read too, not taken from the
    /// embedded catalog: Azure's copy is the one in force (a built-in gains versions over time, as 19539b54's
    /// "versions" list shows [POL]), and the export then holds every definition its assignments need.
    /// </summary>
    private async Task ReadPolicyDefinitionsAsync(Run run)
    {
        var setIds = run.PolicyAssignments.Values.Select(a => a.PolicyDefinitionId).Where(ArmRoutes.IsPolicySetDefinition)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var id in setIds)
        {
            var (item, source) = await GetPolicyItemAsync(run, "policy set definitions", id).ConfigureAwait(false);
            var set = FromArm(() => PolicySnapshotReader.ReadSetDefinition(item, source));
            run.PolicySetDefinitions.TryAdd(set.Id, set);
        }
        var definitionIds = run.PolicyAssignments.Values.Select(a => a.PolicyDefinitionId).Where(id => !ArmRoutes.IsPolicySetDefinition(id))
            .Concat(run.PolicySetDefinitions.Values.SelectMany(s => s.Members).Select(m => m.PolicyDefinitionId))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var id in definitionIds)
        {
            var (item, source) = await GetPolicyItemAsync(run, "policy definitions", id).ConfigureAwait(false);
            var definition = FromArm(() => PolicySnapshotReader.ReadDefinition(item, source));
            run.PolicyDefinitions.TryAdd(definition.Id, definition);
        }
    }

    // A malformed item in an answer is ARM's fault, not the user's input: ArmResponseInvalid, as for the role items
    // (LiveItems), with the reader's message, which names the request and the item's path.
    private static T FromArm<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (AmlRbacException e) when (e.ErrorId == ErrorIds.PolicyInvalid)
        {
            throw new AmlRbacException(ErrorIds.ArmResponseInvalid, FailureCategory.InvalidData, e.Message, e.Target, e);
        }
    }

    private async Task<(JsonElement Item, string Source)> GetPolicyItemAsync(Run run, string step, string id)
    {
        var item = await _arm.GetAsync(id, ArmRoutes.PolicyApiVersion, run.Cancellation).ConfigureAwait(false);
        run.Report(step, id, 1);
        return (item, $"{RestFailure.ApiName(AzureApi.ResourceManager)} GET {id}");
    }

    private async Task<List<(JsonElement Item, string Source, string Path)>> ReadPolicyListAsync(Run run, string step, Scope scope, string path, string apiVersion, string? filter)
    {
        var items = new List<(JsonElement, string, string)>();
        var source = $"{RestFailure.ApiName(AzureApi.ResourceManager)} GET {path}{(filter is null ? string.Empty : "?$filter=" + filter)}";
        await foreach (var page in _arm.ListPagesAsync(path, apiVersion, filter, run.Cancellation).ConfigureAwait(false))
        {
            items.AddRange(page.Items.Select((e, i) => (e, source, $"page {page.Number}: $.value[{i}]")));
            run.Report(step, scope.Value, page.Number);
        }
        return items;
    }
}
