using Xunit;
using static AmlRbac.Tests.PowerShell.Contoso;

using AmlRbac.ArmEmulator;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Policy;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;
using AmlRbac.Sources.Live;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>
/// Azure Policy through the live source (issue 6: "Live collection reads the same from ARM"): the sample tenant's
/// assignments and exemption, served by the emulator, come back in the export and answer DeployModel -Model questions
/// as the snapshot does offline.
/// </summary>
public sealed class LivePolicyTests
{
    private static readonly string[] Models = { Falcon, Phi, Llama };
    private static readonly string[] Workspaces = { ProdWorkspace, DevWorkspace };
    private const string DevSubscription = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45";
    private const string ProdSubscription = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0";
    private const string DevResourceGroup = DevSubscription + "/resourceGroups/rg-ml-dev";
    private const string GroupAssignment = "/providers/Microsoft.Management/managementGroups/contoso-ml/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry";
    private const string DevReportAssignment = DevSubscription + "/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry-report";
    private const string ProdWorkspaceExemption = ProdSubscription + "/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod/providers/Microsoft.Authorization/policyExemptions/falcon-pilot";

    [Theory]
    [InlineData("contoso-ml", 100)]
    [InlineData("contoso-ml", 1)]
    [InlineData("contoso", 1)]
    public async Task ExportHoldsTheServedPolicyAndTheDefinitionsItsAssignmentsName(string group, int pageSize)
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: pageSize);
        var path = LiveFaultTests.TempPath();
        try
        {
            await LiveExport.ExportAsync(harness.Collector, new[] { Scope.ForManagementGroup(group) }, path);
            var exported = SnapshotReader.Read(path).Policy;
            var served = SampleTenant.Load().Policy;

            Assert.Equal(2, exported.Assignments.Count);
            Assert.Single(exported.Exemptions);
            // The built-in the assignments name is read from ARM (served from the catalog, as ARM serves built-ins).
            var expected = served with { Definitions = served.Definitions.Append(PolicyCatalog.Default.Find(RegistryRestriction)!).ToList() };
            Assert.Equal(Canonical(expected), Canonical(exported));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Issue 13 section 4: PolicyAssignments_ListForManagementGroup and PolicyExemptions_ListForManagementGroup answer
    // only what is "assigned to the management group or the management group's ancestors" [SPEC-PA] [SPEC-EX], so an
    // export at a group must read the subscriptions below it to hold what is assigned there and below.
    [Theory]
    [InlineData("contoso-ml", 100)]
    [InlineData("contoso-ml", 1)]
    [InlineData("contoso", 1)]
    public async Task AnExportAtAManagementGroupHoldsThePolicyAssignedBelowIt(string group, int pageSize)
    {
        var tenant = SampleTenant.Load();
        var report = tenant.Policy.Assignments.Single(a => a.Id == DevReportAssignment);
        var atResourceGroup = report with
        {
            Id = DevResourceGroup + "/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry-rg",
            Name = "restrict-model-registry-rg",
            Scope = Scope.Parse(DevResourceGroup),
        };
        await using var harness = await LiveHarness.StartAsync(
            tenant with { Policy = tenant.Policy with { Assignments = tenant.Policy.Assignments.Append(atResourceGroup).ToList() } }, pageSize);
        var path = LiveFaultTests.TempPath();
        try
        {
            await LiveExport.ExportAsync(harness.Collector, new[] { Scope.ForManagementGroup(group) }, path);
            var exported = SnapshotReader.Read(path).Policy;

            Assert.Equal(
                new[] { GroupAssignment, atResourceGroup.Id, DevReportAssignment }.Order(StringComparer.OrdinalIgnoreCase),
                exported.Assignments.Select(a => a.Id).Order(StringComparer.OrdinalIgnoreCase));
            Assert.Equal(ProdWorkspaceExemption, Assert.Single(exported.Exemptions).Id);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ALiveQuestionAtAManagementGroupCollectsThePolicyBelowIt()
    {
        await using var harness = await LiveHarness.StartAsync();

        var live = await LiveQuery.CollectAsync(harness.Collector, new[] { Subject.PrincipalAt("alice@contoso.com", "/providers/Microsoft.Management/managementGroups/contoso-ml") });

        Assert.Contains(live.Tenant.Policy.Assignments, a => a.Id == DevReportAssignment);
        Assert.Equal(ProdWorkspaceExemption, Assert.Single(live.Tenant.Policy.Exemptions).Id);
    }

    [Fact]
    public async Task AThrottledListOfASubscriptionBelowTheGroupIsWaitedOut()
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 1);
        harness.Emulator.Faults.Add(Fault.Throttle(ProdSubscription + "/providers/Microsoft.Authorization/policyExemptions", TimeSpan.FromSeconds(9)));

        var collection = await harness.Collector.CollectAsync(new[] { Scope.ForManagementGroup("contoso-ml") });

        Assert.Equal(ProdWorkspaceExemption, Assert.Single(collection.Tenant.Policy.Exemptions).Id);
        Assert.Contains(TimeSpan.FromSeconds(9), harness.Clock.Waits);
        Assert.Equal(new[] { 429, 200 }, harness.Emulator.Requests.Where(r => r.Path == ProdSubscription + "/providers/Microsoft.Authorization/policyExemptions").Select(r => r.Status));
    }

    [Fact]
    public async Task TheCollectionReadsPolicyListsAtTheGroupAndEachSubscriptionBelowWithTheirApiVersionsAndEachDefinitionOnce()
    {
        await using var harness = await LiveHarness.StartAsync();
        await harness.Collector.CollectAsync(new[] { Scope.ForManagementGroup("contoso-ml") });
        var policy = harness.Emulator.Requests.Where(r => r.Path.Contains("/Microsoft.Authorization/policy", StringComparison.Ordinal)).ToList();

        // At the group, atScope(): the only list PolicyAssignments_ListForManagementGroup and
        // PolicyExemptions_ListForManagementGroup describe ("assigned to the management group or the management group's
        // ancestors"); then each subscription below the group unfiltered, one list per subscription per kind.
        Assert.Equal(
            new[]
            {
                "/providers/Microsoft.Management/managementGroups/contoso-ml/providers/Microsoft.Authorization/policyAssignments ?api-version=2025-03-01&$filter=atScope()",
                "/providers/Microsoft.Management/managementGroups/contoso-ml/providers/Microsoft.Authorization/policyExemptions ?api-version=2024-12-01-preview&$filter=atScope()",
                DevSubscription + "/providers/Microsoft.Authorization/policyAssignments ?api-version=2025-03-01",
                DevSubscription + "/providers/Microsoft.Authorization/policyExemptions ?api-version=2024-12-01-preview",
                ProdSubscription + "/providers/Microsoft.Authorization/policyAssignments ?api-version=2025-03-01",
                ProdSubscription + "/providers/Microsoft.Authorization/policyExemptions ?api-version=2024-12-01-preview",
                RegistryRestriction + " ?api-version=2025-03-01",
            },
            policy.Select(r => r.Path + " " + Uri.UnescapeDataString(r.Query)));
        Assert.All(policy, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task LiveAndExportedAnswersToDeployModelEqualTheOfflineAnswers()
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 2);
        var path = LiveFaultTests.TempPath();
        try
        {
            await LiveExport.ExportAsync(harness.Collector, new[] { Scope.ForManagementGroup("contoso-ml") }, path);
            var offline = new AccessEvaluator(SampleTenant.Load());
            var exported = new AccessEvaluator(SnapshotReader.Read(path));
            var live = await LiveQuery.CollectAsync(harness.Collector, Workspaces.Select(w => Subject.PrincipalAt("alice@contoso.com", w)).ToList());
            var liveEvaluator = new AccessEvaluator(live.Tenant);

            foreach (var workspace in Workspaces)
            {
                foreach (var model in Models)
                {
                    var expected = Ask(offline, model, workspace);
                    Assert.Equal(expected, Ask(exported, model, workspace));
                    Assert.Equal(expected, Ask(liveEvaluator, model, workspace));
                }
            }

            // Not vacuous: the management group's assignment denies falcon in production though RBAC allows it.
            var falcon = Assert.Single(new PermissionQuestion(liveEvaluator, null, new[] { "DeployModel" }, model: Falcon).AnswerFor(Subject.PrincipalAt(Alice, ProdWorkspace)));
            Assert.Equal(Outcome.Denied, falcon.Outcome);
            Assert.Equal(Outcome.Allowed, falcon.Deployment!.RbacOutcome);
            Assert.Equal("/providers/Microsoft.Management/managementGroups/contoso-ml/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry",
                falcon.DecidingPolicyReason!.PolicyAssignmentId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("/policyAssignments")]
    [InlineData("/policyExemptions")]
    [InlineData("/policyDefinitions/")]
    public async Task AFailingPolicyReadFailsTheExportWhole(string route)
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.ServerError(route, 500, Fault.Forever));
        var error = await LiveFaultTests.AssertFailsWholeAsync(harness, ErrorIds.ArmRequestFailed, FailureCategory.ResourceUnavailable);
        Assert.Contains(route, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAssignmentNamingAMissingDefinitionFailsTheExportWhole()
    {
        var tenant = SampleTenant.Load();
        var dangling = tenant.Policy.Assignments[0] with { PolicyDefinitionId = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/policyDefinitions/gone" };
        await using var harness = await LiveHarness.StartAsync(tenant with { Policy = tenant.Policy with { Assignments = new[] { dangling } } });
        var error = await LiveFaultTests.AssertFailsWholeAsync(harness, ErrorIds.ArmRequestFailed, FailureCategory.ObjectNotFound);
        Assert.Contains("policyDefinitions/gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInitiativeIsReadWithItsMemberDefinitions()
    {
        const string Sub = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45";
        var extra = SnapshotReader.Parse($$"""
            {
              "schemaVersion": 1,
              "policyDefinitions": [{
                "id": "{{Sub}}/providers/Microsoft.Authorization/policyDefinitions/allow-phi-only", "name": "allow-phi-only",
                "type": "Microsoft.Authorization/policyDefinitions",
                "properties": {
                  "mode": "Microsoft.MachineLearningServices.v2.Data", "policyType": "Custom",
                  "parameters": { "allowed": { "type": "Array" } },
                  "policyRule": {
                    "if": { "allOf": [
                      { "field": "type", "equals": "Microsoft.MachineLearningServices.v2.Data/workspaces/deployments" },
                      { "not": { "field": "Microsoft.MachineLearningServices.v2.Data/workspaces/deployments/model.assetId", "in": "[parameters('allowed')]" } } ] },
                    "then": { "effect": "deny" } } } }],
              "policySetDefinitions": [{
                "id": "{{Sub}}/providers/Microsoft.Authorization/policySetDefinitions/guardrails", "name": "guardrails",
                "type": "Microsoft.Authorization/policySetDefinitions",
                "properties": {
                  "parameters": { "models": { "type": "Array" } },
                  "policyDefinitions": [
                    { "policyDefinitionId": "{{Sub}}/providers/Microsoft.Authorization/policyDefinitions/allow-phi-only", "policyDefinitionReferenceId": "phiOnly",
                      "parameters": { "allowed": { "value": "[parameters('models')]" } } },
                    { "policyDefinitionId": "{{RegistryRestriction}}", "policyDefinitionReferenceId": "registry",
                      "parameters": { "allowedRegistryName": { "value": "azureml" }, "effect": { "value": "Deny" } } } ] } }],
              "policyAssignments": [{
                "id": "{{Sub}}/providers/Microsoft.Authorization/policyAssignments/guardrails", "name": "guardrails",
                "type": "Microsoft.Authorization/policyAssignments",
                "properties": { "scope": "{{Sub}}", "policyDefinitionId": "{{Sub}}/providers/Microsoft.Authorization/policySetDefinitions/guardrails",
                  "parameters": { "models": { "value": [ "{{Phi}}" ] } } } }]
            }
            """, "initiative").Policy;
        var sample = SampleTenant.Load();
        var served = sample with
        {
            Policy = sample.Policy with
            {
                Definitions = extra.Definitions,
                SetDefinitions = extra.SetDefinitions,
                Assignments = sample.Policy.Assignments.Concat(extra.Assignments).ToList(),
            },
        };
        await using var harness = await LiveHarness.StartAsync(served);

        var collection = await harness.Collector.CollectAsync(new[] { Scope.ForSubscription("099041be-6a92-430e-9f47-32340e216c45") });

        var expected = served.Policy with
        {
            Definitions = served.Policy.Definitions.Append(PolicyCatalog.Default.Find(RegistryRestriction)!).ToList(),
            Exemptions = Array.Empty<PolicyExemption>(), // the exemption is on the prod workspace, not below this subscription
        };
        Assert.Equal(Canonical(expected), Canonical(collection.Tenant.Policy));
        // One GET for the initiative, one per distinct definition (the built-in is named by both the assignments and the initiative).
        Assert.Equal(3, harness.Emulator.Requests.Count(r => r.Path.Contains("/policyDefinitions/", StringComparison.Ordinal) || r.Path.Contains("/policySetDefinitions/", StringComparison.Ordinal)));
        var evaluator = new AccessEvaluator(collection.Tenant);
        var llama = Assert.Single(new PermissionQuestion(evaluator, null, new[] { "DeployModel" }, model: Llama).AnswerFor(Subject.PrincipalAt(Alice, DevWorkspace)));
        Assert.Equal(Outcome.Denied, llama.Outcome);
    }

    [Fact]
    public async Task AMalformedPolicyItemFailsTheExportNamingTheRequestAndTheItem()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Store.Write(s => s.PolicyAssignments[0]["properties"]!["enforcementMode"] = "Sometimes");
        var error = await LiveFaultTests.AssertFailsWholeAsync(harness, ErrorIds.ArmResponseInvalid, FailureCategory.InvalidData);
        Assert.Contains("GET /providers/Microsoft.Management/managementGroups/contoso-ml/providers/Microsoft.Authorization/policyAssignments", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.value[0].properties.enforcementMode", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Sometimes'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEmulatorsPolicyListsFollowTheDocumentedFilters()
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 1);
        var arm = new ArmClient(harness.Http, new StaticTokenSource(LiveHarness.ArmToken, LiveHarness.GraphToken), harness.Options);
        async Task<string[]> Names(string scope, string kind, string version, string? filter) =>
            (await arm.ListAsync(scope + "/providers/Microsoft.Authorization/" + kind, version, filter))
                .Select(i => i.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray();

        // At the dev subscription: the management group's assignment (above) and the subscription's own.
        Assert.Equal(new[] { "restrict-model-registry", "restrict-model-registry-report" }, await Names(DevSubscription, "policyAssignments", ArmRoutes.PolicyApiVersion, "atScope()"));
        Assert.Equal(new[] { "restrict-model-registry-report" }, await Names(DevSubscription, "policyAssignments", ArmRoutes.PolicyApiVersion, "atExactScope()"));
        Assert.Equal(new[] { "restrict-model-registry" }, await Names(ProdSubscription, "policyAssignments", ArmRoutes.PolicyApiVersion, null));
        // The exemption is on the prod workspace: below the subscription, so only the unfiltered list has it.
        Assert.Equal(new[] { "falcon-pilot" }, await Names(ProdSubscription, "policyExemptions", ArmRoutes.PolicyExemptionsApiVersion, null));
        Assert.Empty(await Names(ProdSubscription, "policyExemptions", ArmRoutes.PolicyExemptionsApiVersion, "atScope()"));
        Assert.Equal(new[] { "falcon-pilot" }, await Names(ProdWorkspace, "policyExemptions", ArmRoutes.PolicyExemptionsApiVersion, "atScope()"));
        // At a management group, only what is at it and above, filter or not: PolicyAssignments_ListForManagementGroup
        // "retrieves the list of all policy assignments applicable to the management group", "assigned to the management
        // group or the management group's ancestors" [SPEC-PA]; PolicyExemptions_ListForManagementGroup the same [SPEC-EX].
        const string MlGroup = "/providers/Microsoft.Management/managementGroups/contoso-ml";
        const string ParentGroup = "/providers/Microsoft.Management/managementGroups/contoso";
        foreach (var filter in new[] { null, "atScope()" })
        {
            Assert.Equal(new[] { "restrict-model-registry" }, await Names(MlGroup, "policyAssignments", ArmRoutes.PolicyApiVersion, filter));
            Assert.Empty(await Names(MlGroup, "policyExemptions", ArmRoutes.PolicyExemptionsApiVersion, filter));
            Assert.Empty(await Names(ParentGroup, "policyAssignments", ArmRoutes.PolicyApiVersion, filter));
        }
        Assert.Equal(new[] { "restrict-model-registry" }, await Names(MlGroup, "policyAssignments", ArmRoutes.PolicyApiVersion, "atExactScope()"));
        // Exemptions have preview api-versions only.
        var wrongVersion = await Assert.ThrowsAsync<AmlRbacException>(() => Names(ProdSubscription, "policyExemptions", ArmRoutes.PolicyApiVersion, null));
        Assert.Contains("InvalidApiVersionParameter", wrongVersion.Message, StringComparison.Ordinal);
        // A built-in definition is served at the tenant root by its id.
        var builtIn = await arm.GetAsync(RegistryRestriction, ArmRoutes.PolicyApiVersion);
        Assert.Equal("Microsoft.MachineLearningServices.v2.Data", builtIn.GetProperty("properties").GetProperty("mode").GetString());
    }

    private static string Ask(AccessEvaluator evaluator, string model, string workspace) =>
        DecisionJson.Serialize(new PermissionQuestion(evaluator, null, new[] { "DeployModel" }, model: model).AnswerFor(Subject.PrincipalAt(Alice, workspace)));

    private static string Canonical(PolicyState policy) => SnapshotWriter.ToJson(Tenant.Empty with
    {
        Policy = new PolicyState
        {
            Definitions = policy.Definitions.OrderBy(d => d.Id, StringComparer.OrdinalIgnoreCase).ToList(),
            SetDefinitions = policy.SetDefinitions.OrderBy(d => d.Id, StringComparer.OrdinalIgnoreCase).ToList(),
            Assignments = policy.Assignments.OrderBy(a => a.Id, StringComparer.OrdinalIgnoreCase).ToList(),
            Exemptions = policy.Exemptions.OrderBy(e => e.Id, StringComparer.OrdinalIgnoreCase).ToList(),
        },
    });
}
