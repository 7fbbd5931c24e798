using System.Text.Json;
using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Posture;

/// <summary>
/// What each posture rule of Catalog/Data/posture-rules.json reads and how it decides; the rules' names, severities
/// and sources are the catalog's. The property paths are those of the ARM objects (Workspaces_Get, Compute_Get,
/// PrivateEndpointConnections_List, DiagnosticSettings_List, PrivateDnsZoneGroups_List in azure-rest-api-specs
/// specification/machinelearningservices/.../stable/2025-09-01, monitor and network), which the built-in policy
/// definitions named by the rules read through their aliases. No I/O: the facts are given.
/// </summary>
public static class PostureChecks
{
    private const string ComputeInstance = "ComputeInstance";
    private const string AmlCompute = "AmlCompute";
    private const string ApprovedOutbound = "AllowOnlyApprovedOutbound";

    private static readonly Dictionary<string, Func<WorkspaceFacts, Check>> Checks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AMLP001"] = CustomerManagedKey,
        ["AMLP002"] = f => Expect(f.Workspace, "properties.publicNetworkAccess", "Disabled"),
        ["AMLP003"] = PrivateLink,
        ["AMLP004"] = f => Expect(f.Workspace, "properties.managedNetwork.isolationMode", ApprovedOutbound),
        // hbiWorkspace defaults to false (workspaceRP.json, WorkspaceProperties.hbiWorkspace).
        ["AMLP005"] = f => Flag(f.Workspace, "properties.hbiWorkspace", expected: true),
        ["AMLP006"] = IdentityRole,
        ["AMLP007"] = ImageBuildCompute,
        ["AMLP008"] = DiagnosticLogs,
        // v1LegacyMode defaults to false (workspaceRP.json, WorkspaceProperties.v1LegacyMode): absent passes.
        ["AMLP009"] = f => PropertyRead.Of(f.Workspace, "properties.v1LegacyMode") is var read && read.Bool == true
            ? Check.Of(PostureResult.Fail, read.Evidence)
            : Check.Of(PostureResult.Pass, read.Evidence),
        ["AMLP010"] = f => EachCompute(f, new[] { ComputeInstance, AmlCompute }, c => Flag(c, "properties.disableLocalAuth", expected: true)),
        // enableNodePublicIp defaults to true (machineLearningServices.json, ComputeInstanceProperties / ScaleSettings' AmlComputeProperties).
        ["AMLP011"] = f => EachCompute(f, new[] { ComputeInstance, AmlCompute }, c => Flag(c, "properties.properties.enableNodePublicIp", expected: false)),
        ["AMLP012"] = f => EachCompute(f, new[] { ComputeInstance, AmlCompute }, SshClosed),
        ["AMLP013"] = f => EachCompute(f, new[] { ComputeInstance, AmlCompute }, c => InNetwork(f, c)),
        ["AMLP014"] = f => EachCompute(f, new[] { ComputeInstance }, c => Present(c, "properties.properties.idleTimeBeforeShutdown")),
        ["AMLP015"] = f => EachCompute(f, new[] { ComputeInstance }, AssignedUser),
        ["AMLP016"] = PrivateDns,
        ["AMLP017"] = f => PropertyRead.Of(f.Workspace, "identity.type") is var read && read.Text?.Contains("UserAssigned", StringComparison.OrdinalIgnoreCase) == true
            ? Check.Of(PostureResult.Pass, read.Evidence)
            : Check.Of(PostureResult.Fail, read.Evidence),
    };

    /// <summary>True when <paramref name="ruleId"/> has a check (every catalog rule has one; a test holds it).</summary>
    public static bool Knows(string ruleId) => Checks.ContainsKey(ruleId);

    /// <summary>
    /// The rule's result for the workspace. A workspace object without its <c>properties</c> (a source that did not
    /// read them) is Unknown for every rule: nothing can be said of settings not read.
    /// </summary>
    public static PostureFinding Evaluate(PostureRule rule, WorkspaceFacts facts)
    {
        var check = facts.Workspace.Find("properties") is not { ValueKind: JsonValueKind.Object }
            ? Check.Of(PostureResult.Unknown, "properties: absent (the source did not read the workspace's settings)")
            : Checks[rule.Id](facts);
        return new PostureFinding
        {
            Rule = rule,
            Result = check.Result,
            Evidence = check.Evidence,
            ChangeScopes = check.ChangeScopes ?? new[] { facts.Workspace.Id },
        };
    }

    private static Check CustomerManagedKey(WorkspaceFacts facts)
    {
        var status = PropertyRead.Of(facts.Workspace, "properties.encryption.status");
        var key = PropertyRead.Of(facts.Workspace, "properties.encryption.keyVaultProperties.keyIdentifier");
        var evidence = $"{status.Evidence}; {key.Evidence}";
        return Check.Of(status.Is("Enabled") && !key.IsAbsent ? PostureResult.Pass : PostureResult.Fail, evidence);
    }

    private static Check PrivateLink(WorkspaceFacts facts)
    {
        if (Connections(facts) is not { } connections)
        {
            return Check.Of(PostureResult.Unknown, "privateEndpointConnections: not listed by the source");
        }
        if (connections.Count == 0)
        {
            return Check.Of(PostureResult.Fail, "no private endpoint connection");
        }
        var states = connections.Select(c => (c.Name, Read: PropertyRead.Of(c, "properties.privateLinkServiceConnectionState.status"))).ToList();
        return Check.Of(states.All(s => s.Read.Is("Approved")) ? PostureResult.Pass : PostureResult.Fail,
            string.Join("; ", states.Select(s => $"{s.Name}: {s.Read.Evidence}")));
    }

    // The identity's role on its resource group, as the workspace identity conversion reads it: assignments of
    // identity.principalId at the workspace's resource group ([MLROLES] "Azure AI Administrator role").
    private static Check IdentityRole(WorkspaceFacts facts)
    {
        var type = PropertyRead.Of(facts.Workspace, "identity.type");
        if (type.Text?.Contains("SystemAssigned", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Check.Of(PostureResult.NotApplicable, $"{type.Evidence} (no system-assigned identity)");
        }
        var principal = PropertyRead.Of(facts.Workspace, "identity.principalId");
        var workspace = WorkspaceId.Parse(facts.Workspace.Id);
        var scopes = new[] { workspace.ResourceGroup };
        if (principal.IsAbsent)
        {
            return Check.Of(PostureResult.Unknown, principal.Evidence, scopes);
        }
        var roles = facts.RoleAssignments
            .Where(a => !a.IsEligible && string.Equals(a.PrincipalId, principal.Text, StringComparison.OrdinalIgnoreCase)
                && string.Equals(a.Scope.TrimEnd('/'), workspace.ResourceGroup, StringComparison.OrdinalIgnoreCase))
            .Select(a => ObjectIds.NormalizeRoleDefinition(a.RoleDefinitionId))
            .ToList();
        var holds = (string role) => roles.Contains(role, StringComparer.OrdinalIgnoreCase);
        var evidence = $"{principal.Evidence}, on resource group {workspace.ResourceGroupName}: ";
        return holds(facts.AzureAIAdministratorRoleId) ? Check.Of(PostureResult.Pass, evidence + "Azure AI Administrator", scopes)
            : holds(facts.ContributorRoleId) ? Check.Of(PostureResult.Fail, evidence + "Contributor, not Azure AI Administrator", scopes)
            : Check.Of(PostureResult.Unknown, evidence + "neither role in the source's role assignments", scopes);
    }

    private static Check ImageBuildCompute(WorkspaceFacts facts)
    {
        var access = PropertyRead.Of(facts.Workspace, "properties.publicNetworkAccess");
        if (!access.Is("Disabled"))
        {
            return Check.Of(PostureResult.NotApplicable, access.Evidence);
        }
        var compute = PropertyRead.Of(facts.Workspace, "properties.imageBuildCompute");
        return Check.Of(compute.IsAbsent ? PostureResult.Fail : PostureResult.Pass, $"{access.Evidence}; {compute.Evidence}");
    }

    // A setting sends logs to Log Analytics when it names a workspace (properties.workspaceId) and enables at least
    // one log category or category group (DiagnosticSettings_List, monitor 2021-05-01-preview).
    private static Check DiagnosticLogs(WorkspaceFacts facts)
    {
        if (facts.Resources.DiagnosticSettingsOf(facts.Workspace.Id) is not { } settings)
        {
            return Check.Of(PostureResult.Unknown, "diagnosticSettings: not listed by the source");
        }
        if (settings.Count == 0)
        {
            return Check.Of(PostureResult.Fail, "no diagnostic setting");
        }
        var read = settings.Select(s => (s.Name, Workspace: PropertyRead.Of(s, "properties.workspaceId"), Logs: EnabledLogs(s))).ToList();
        return Check.Of(read.Any(s => !s.Workspace.IsAbsent && s.Logs > 0) ? PostureResult.Pass : PostureResult.Fail,
            string.Join("; ", read.Select(s => $"{s.Name}: {s.Workspace.Evidence}, {s.Logs} log categor{(s.Logs == 1 ? "y" : "ies")} enabled")));
    }

    private static int EnabledLogs(ArmResource setting) =>
        setting.Find("properties.logs") is { ValueKind: JsonValueKind.Array } logs
            ? logs.EnumerateArray().Count(l => l.ValueKind == JsonValueKind.Object
                && l.EnumerateObject().Any(p => p.Name.Equals("enabled", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.True))
            : 0;

    // sshPublicAccess defaults to Disabled on compute instances; remoteLoginPortPublicAccess to NotSpecified on
    // clusters, which leaves the port open on a cluster outside a virtual network (machineLearningServices.json).
    private static Check SshClosed(ArmResource compute)
    {
        if (Type(compute).Is(ComputeInstance))
        {
            var ssh = PropertyRead.Of(compute, "properties.properties.sshSettings.sshPublicAccess");
            return Check.Of(ssh.IsAbsent || ssh.Is("Disabled") ? PostureResult.Pass : PostureResult.Fail, ssh.Evidence);
        }
        return Expect(compute, "properties.properties.remoteLoginPortPublicAccess", "Disabled");
    }

    // In a subnet, or in the workspace's managed network when it is isolated (its computes then run in it).
    private static Check InNetwork(WorkspaceFacts facts, ArmResource compute)
    {
        var subnet = PropertyRead.Of(compute, "properties.properties.subnet.id");
        if (!subnet.IsAbsent)
        {
            return Check.Of(PostureResult.Pass, subnet.Evidence);
        }
        var mode = PropertyRead.Of(facts.Workspace, "properties.managedNetwork.isolationMode");
        var managed = mode.Is(ApprovedOutbound) || mode.Is("AllowInternetOutbound");
        return Check.Of(managed ? PostureResult.Pass : PostureResult.Fail, $"{subnet.Evidence}; workspace {mode.Evidence}");
    }

    // computeInstanceAuthorizationType defaults to personal (machineLearningServices.json).
    private static Check AssignedUser(ArmResource compute)
    {
        var kind = PropertyRead.Of(compute, "properties.properties.computeInstanceAuthorizationType");
        var user = PropertyRead.Of(compute, "properties.properties.personalComputeInstanceSettings.assignedUser.objectId");
        var personal = kind.IsAbsent || kind.Is("personal");
        return Check.Of(personal && !user.IsAbsent ? PostureResult.Pass : PostureResult.Fail, $"{kind.Evidence}; {user.Evidence}");
    }

    private static Check PrivateDns(WorkspaceFacts facts)
    {
        if (Connections(facts) is not { } connections)
        {
            return Check.Of(PostureResult.Unknown, "privateEndpointConnections: not listed by the source");
        }
        if (connections.Count == 0)
        {
            return Check.Of(PostureResult.NotApplicable, "no private endpoint connection");
        }
        var endpoints = connections.Select(c => PropertyRead.Of(c, "properties.privateEndpoint.id")).Where(e => !e.IsAbsent).Select(e => e.Text!).ToList();
        var scopes = endpoints.Count > 0 ? endpoints : null;
        if (facts.Resources.PrivateDnsZoneGroups is null)
        {
            return Check.Of(PostureResult.Unknown, "privateDnsZoneGroups: not listed by the source", scopes);
        }
        var read = connections.Select(c => (c.Name, Groups: facts.Resources.ZoneGroupsOf(c))).ToList();
        var passes = read.All(r => r.Groups is { Count: > 0 } groups && groups.Any(g => g.Find("properties.privateDnsZoneConfigs") is { ValueKind: JsonValueKind.Array } configs && configs.GetArrayLength() > 0));
        return Check.Of(passes ? PostureResult.Pass : PostureResult.Fail,
            string.Join("; ", read.Select(r => r.Groups is null
                ? $"{r.Name}: properties.privateEndpoint.id: absent"
                : $"{r.Name}: {(r.Groups.Count == 0 ? "no private DNS zone group" : string.Join(", ", r.Groups.Select(g => g.Name)))}")),
            scopes);
    }

    // The connections of the section when the source listed it, else those the workspace object embeds
    // (properties.privateEndpointConnections, Workspaces_Get); null when neither is there.
    private static IReadOnlyList<ArmResource>? Connections(WorkspaceFacts facts)
    {
        if (facts.Resources.ConnectionsOf(facts.Workspace.Id) is { } listed)
        {
            return listed;
        }
        if (facts.Workspace.Find("properties.privateEndpointConnections") is not { ValueKind: JsonValueKind.Array } embedded)
        {
            return null;
        }
        return embedded.EnumerateArray()
            .Where(c => c.ValueKind == JsonValueKind.Object)
            .Select((c, index) =>
            {
                var item = new ArmResource { Id = string.Empty, Type = "Microsoft.MachineLearningServices/workspaces/privateEndpointConnections", Name = string.Empty, Json = c.Clone() };
                return item with
                {
                    Id = item.Find("id")?.GetString() ?? string.Empty,
                    Name = item.Find("name")?.GetString() ?? $"privateEndpointConnections[{index}]",
                };
            })
            .ToList();
    }

    // A compute rule: each compute of the kinds it applies to, then Fail if one fails, Unknown if one cannot be
    // read, Pass when all pass; NotApplicable with none.
    private static Check EachCompute(WorkspaceFacts facts, IReadOnlyList<string> kinds, Func<ArmResource, Check> check)
    {
        if (facts.Resources.ComputesOf(facts.Workspace.Id) is not { } computes)
        {
            return Check.Of(PostureResult.Unknown, "computes: not listed by the source");
        }
        var applicable = computes.Where(c => kinds.Any(Type(c).Is)).ToList();
        if (applicable.Count == 0)
        {
            return Check.Of(PostureResult.NotApplicable, $"no {string.Join(" or ", kinds)} compute");
        }
        var results = applicable.Select(c => (c.Name, Check: c.Find("properties") is { ValueKind: JsonValueKind.Object }
            ? check(c)
            : Check.Of(PostureResult.Unknown, "properties: absent"))).ToList();
        var result = results.Any(r => r.Check.Result == PostureResult.Fail) ? PostureResult.Fail
            : results.Any(r => r.Check.Result == PostureResult.Unknown) ? PostureResult.Unknown
            : PostureResult.Pass;
        return Check.Of(result, string.Join("; ", results.Select(r => $"{r.Name}: {r.Check.Evidence}")));
    }

    private static PropertyRead Type(ArmResource compute) => PropertyRead.Of(compute, "properties.computeType");

    private static Check Expect(ArmResource resource, string path, string expected)
    {
        var read = PropertyRead.Of(resource, path);
        return Check.Of(read.Is(expected) ? PostureResult.Pass : PostureResult.Fail, read.Evidence);
    }

    private static Check Flag(ArmResource resource, string path, bool expected)
    {
        var read = PropertyRead.Of(resource, path);
        return Check.Of(read.Bool == expected ? PostureResult.Pass : PostureResult.Fail, read.Evidence);
    }

    private static Check Present(ArmResource resource, string path)
    {
        var read = PropertyRead.Of(resource, path);
        return Check.Of(read.IsAbsent ? PostureResult.Fail : PostureResult.Pass, read.Evidence);
    }

    private sealed record Check(PostureResult Result, string Evidence, IReadOnlyList<string>? ChangeScopes)
    {
        public static Check Of(PostureResult result, string evidence, IReadOnlyList<string>? changeScopes = null) => new(result, evidence, changeScopes);
    }
}
