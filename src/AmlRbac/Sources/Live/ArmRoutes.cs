using AmlRbac.Model;

namespace AmlRbac.Sources.Live;

/// <summary>
/// The ARM paths, api-versions and $filter forms the live source reads, each with its source. One place,
/// so the emulator's tests and the collector agree on them.
/// </summary>
public static class ArmRoutes
{
    /// <summary>
    /// Role assignments, role definitions and deny assignments: stable 2022-04-01, the first version with
    /// condition and conditionVersion on assignments ([RAL] role-assignments-list-rest: "2022-04-01 or later
    /// to include conditions") and the first stable deny-assignment version ([SPEC-DA]).
    /// </summary>
    public const string AuthorizationApiVersion = "2022-04-01";

    /// <summary>
    /// PIM eligibility schedule instances: 2020-10-01, the stable version of RoleEligibilityScheduleInstances_ListForScope
    /// (the Azure SDK's "Default Api Version: 2020-10-01", learn.microsoft.com/dotnet/api/azure.resourcemanager.authorization.roleeligibilityscheduleinstancecollection).
    /// </summary>
    public const string EligibilityApiVersion = "2020-10-01";

    /// <summary>
    /// Management Groups Entities_List (POST /providers/Microsoft.Management/getEntities), stable 2023-04-01
    /// (azure-rest-api-specs managementgroups stable/2023-04-01 examples/GetEntities.json): every management
    /// group and subscription the caller can see, each with its parent, in one paged call.
    /// </summary>
    public const string ManagementGroupsApiVersion = "2023-04-01";

    /// <summary>
    /// Azure ML workspaces as the collection reads them (id, name, identity): stable 2025-09-01, the newest
    /// stable workspaceRP.json ([SPEC-WS-STABLE]).
    /// </summary>
    public const string WorkspacesApiVersion = "2025-09-01";

    /// <summary>
    /// Azure ML workspaces with allowRoleAssignmentOnRG: 2025-01-01-preview, the version whose
    /// WorkspaceProperties and WorkspacePropertiesUpdateParameters carry it (absent from stable 2024-10-01
    /// and 2025-09-01; [SPEC-WS], [SPEC-WS-STABLE]). Read or PATCH it with this version.
    /// </summary>
    public const string WorkspacesPreviewApiVersion = "2025-01-01-preview";

    /// <summary>
    /// Role definitions "at scope and above" plus those whose assignable scopes lie below it, so a custom
    /// role assignable only to a resource group is found when a subscription is asked (spec filter
    /// atScopeAndBelow() of RoleDefinitions_List, [SPEC-RD]).
    /// </summary>
    public const string DefinitionsAtScopeAndBelow = "atScopeAndBelow()";

    /// <summary>
    /// At or above the scope, not below ([RAL]: "not including the role assignments at subscopes"); for policy
    /// assignments and exemptions at a management group, the one list their ListForManagementGroup operations
    /// describe ([SPEC-PA], [SPEC-EX]).
    /// </summary>
    public const string AtScope = "atScope()";

    /// <summary>
    /// Policy assignments, definitions and set definitions: stable 2025-03-01, the version whose swagger was read
    /// ([SPEC-PA] [SPEC-PD] [SPEC-PSD] stable/2025-03-01).
    /// </summary>
    public const string PolicyApiVersion = "2025-03-01";

    /// <summary>
    /// Policy exemptions: 2024-12-01-preview. The type has preview api-versions only (azure-rest-api-specs has
    /// policyExemptions.json under policy/preview/ only); this is the one whose swagger was read ([SPEC-EX]).
    /// </summary>
    public const string PolicyExemptionsApiVersion = "2024-12-01-preview";

    /// <summary>
    /// Compute_List and PrivateEndpointConnections_List of a workspace: the stable workspace version
    /// (azure-rest-api-specs machinelearningservices stable/2025-09-01, examples/Compute/list.json and
    /// examples/PrivateEndpointConnection/list.json).
    /// </summary>
    public const string WorkspaceChildrenApiVersion = WorkspacesApiVersion;

    /// <summary>
    /// DiagnosticSettings_List: 2021-05-01-preview, the newest version of Microsoft.Insights/diagnosticSettings
    /// (azure-rest-api-specs specification/monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/examples/listDiagnosticSettings.json).
    /// </summary>
    public const string DiagnosticSettingsApiVersion = "2021-05-01-preview";

    /// <summary>
    /// PrivateDnsZoneGroups_List: stable 2024-07-01 (azure-rest-api-specs
    /// specification/network/resource-manager/Microsoft.Network/stable/2024-07-01/examples/PrivateEndpointDnsZoneGroupList.json).
    /// </summary>
    public const string NetworkApiVersion = "2024-07-01";

    /// <summary>The entities list path.</summary>
    public const string EntitiesPath = "/providers/Microsoft.Management/getEntities";

    private const string Authorization = "/providers/Microsoft.Authorization/";
    private const string Workspaces = "/providers/Microsoft.MachineLearningServices/workspaces";

    public static string RoleAssignments(Scope scope) => Under(scope, Authorization + "roleAssignments");

    public static string RoleDefinitions(Scope scope) => Under(scope, Authorization + "roleDefinitions");

    public static string DenyAssignments(Scope scope) => Under(scope, Authorization + "denyAssignments");

    public static string EligibilityScheduleInstances(Scope scope) => Under(scope, Authorization + "roleEligibilityScheduleInstances");

    public static string PolicyAssignments(Scope scope) => Under(scope, Authorization + "policyAssignments");

    public static string PolicyExemptions(Scope scope) => Under(scope, Authorization + "policyExemptions");

    /// <summary>True when a policy assignment names an initiative (…/policySetDefinitions/{name}) rather than a definition.</summary>
    public static bool IsPolicySetDefinition(string policyDefinitionId) =>
        policyDefinitionId.Contains(Authorization + "policySetDefinitions/", StringComparison.OrdinalIgnoreCase);

    /// <summary>One role assignment (PUT / DELETE): {scope}/providers/Microsoft.Authorization/roleAssignments/{name}.</summary>
    public static string RoleAssignment(Scope scope, string name) => RoleAssignments(scope) + "/" + name;

    /// <summary>The workspaces of a subscription or a resource group (Workspaces_ListBySubscription / _ListByResourceGroup, [SPEC-WS]).</summary>
    public static string WorkspacesIn(Scope scope) => scope.Level switch
    {
        ScopeLevel.Subscription => $"/subscriptions/{scope.SubscriptionId}{Workspaces}",
        ScopeLevel.ResourceGroup => $"/subscriptions/{scope.SubscriptionId}/resourceGroups/{scope.ResourceGroupName}{Workspaces}",
        _ => throw new ArgumentException($"Workspaces are listed per subscription or resource group, not at '{scope}'.", nameof(scope)),
    };

    /// <summary>A workspace's computes (Compute_List).</summary>
    public static string Computes(string workspaceId) => workspaceId + "/computes";

    /// <summary>A workspace's private endpoint connections (PrivateEndpointConnections_List).</summary>
    public static string PrivateEndpointConnections(string workspaceId) => workspaceId + "/privateEndpointConnections";

    /// <summary>A resource's diagnostic settings (DiagnosticSettings_List: {resourceUri}/providers/Microsoft.Insights/diagnosticSettings).</summary>
    public static string DiagnosticSettings(string resourceId) => resourceId + "/providers/Microsoft.Insights/diagnosticSettings";

    /// <summary>A private endpoint's DNS zone groups (PrivateDnsZoneGroups_List).</summary>
    public static string PrivateDnsZoneGroups(string privateEndpointId) => privateEndpointId + "/privateDnsZoneGroups";

    private static string Under(Scope scope, string suffix) => scope.Level == ScopeLevel.Root ? suffix : scope.Value + suffix;
}
