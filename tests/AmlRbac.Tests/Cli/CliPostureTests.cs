using System.Text.Json.Nodes;
using Xunit;

using AmlRbac.Cli;
using AmlRbac.Sources;
using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Cli;

/// <summary>
/// amlrbac posture: the JSON contract (docs/POSTURE.md) on the sample tenant, the exit codes (0 when no Error-severity
/// rule fails, 1 when one does, 2 for bad input), the table's width, and a snapshot without the resource sections.
/// </summary>
public sealed class CliPostureTests : IDisposable
{
    private const string Dev = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";
    private const string Prod = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod";

    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-cli-posture-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonArray Rules(JsonNode report, string workspace) =>
        report["workspaces"]!.AsArray().Single(w => (string)w!["id"]! == workspace)!["rules"]!.AsArray();

    private static JsonNode Rule(JsonNode report, string workspace, string id) => Rules(report, workspace).Single(r => (string)r!["id"]! == id)!;

    [Fact]
    public void Json_gives_each_workspace_its_rules_with_evidence_policy_and_who_can_change()
    {
        var result = CliRunner.InProcess("posture", "--sample", "--format", "json");

        // mlw-dev fails Error-severity rules (public network access, customer-managed key, compute local auth).
        Assert.Equal(ExitCodes.PostureFailed, result.ExitCode);
        var report = JsonNode.Parse(result.Out)!;
        Assert.Equal("/", (string)report["scope"]!);
        Assert.Equal(new[] { Dev, Prod }, report["workspaces"]!.AsArray().Select(w => (string)w!["id"]!));
        Assert.Equal(new[] { "mlw-dev", "mlw-prod" }, report["workspaces"]!.AsArray().Select(w => (string)w!["name"]!));
        Assert.Equal(Enumerable.Range(1, 17).Select(i => $"AMLP{i:000}"), Rules(report, Dev).Select(r => (string)r!["id"]!));

        var access = Rule(report, Dev, "AMLP002");
        Assert.Equal(
            new[] { "id", "name", "severity", "result", "evidence", "source", "policyDefinitionId", "policyDefinitionName", "changeAction", "canChange" },
            access.AsObject().Select(p => p.Key));
        Assert.Equal("Fail", (string)access["result"]!);
        Assert.Equal("Error", (string)access["severity"]!);
        Assert.Equal("properties.publicNetworkAccess = Enabled", (string)access["evidence"]!);
        Assert.Equal("/providers/Microsoft.Authorization/policyDefinitions/438c38d2-3772-465a-a9cc-7a6666a275ce", (string)access["policyDefinitionId"]!);
        // In mlw-dev only the workspace's own identity (Contributor on rg-ml-dev) may write the workspace.
        var changer = Assert.Single(access["canChange"]!.AsArray())!;
        Assert.Equal("a56e87e7-7528-450e-9537-7a555a2c2a19", (string)changer["principalId"]!);
        Assert.Equal("mlw-dev", (string)changer["displayName"]!);
        Assert.Equal("Allowed", (string)changer["decision"]!);

        Assert.Equal("Pass", (string)Rule(report, Prod, "AMLP002")["result"]!);
        // Frank Nguyen is an eligible Owner of mlw-prod's subscription (samples/README.md).
        Assert.Contains(Rule(report, Prod, "AMLP002")["canChange"]!.AsArray(), c => (string)c!["displayName"]! == "Frank Nguyen" && (string)c["decision"]! == "Eligible");
        // A rule no built-in enforces has no policy properties.
        Assert.False(Rule(report, Prod, "AMLP005").AsObject().ContainsKey("policyDefinitionId"));
    }

    [Fact]
    public void No_failing_Error_rule_exits_0()
    {
        var result = CliRunner.InProcess("posture", "--sample", "--scope", Prod, "--rule", "AMLP001,AMLP002", "--rule", "amlp010");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("3 result(s): 3 Pass; 0 failed at Error severity.", result.Out);
        Assert.DoesNotContain("mlw-dev", result.Out);
    }

    [Fact]
    public void The_table_fits_120_columns()
    {
        var output = new StringWriter();
        AmlRbacCommand.Run(new[] { "posture", "--sample" }, new Terminal(output, new StringWriter(), 120));

        var text = output.ToString();
        Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, line));
        Assert.StartsWith("Workspace  Rule     Severity     Result         Can change  Rule and evidence", text);
    }

    [Fact]
    public void An_unknown_rule_is_bad_input()
    {
        var result = CliRunner.InProcess("posture", "--sample", "--rule", "AMLP042");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.StartsWith("amlrbac: There is no posture rule 'AMLP042'", Assert.Single(result.ErrorLines));
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void A_snapshot_without_workspaces_warns_and_checks_nothing()
    {
        var path = Path.Combine(_folder, "old.json");
        File.WriteAllText(path, """{ "schemaVersion": 1, "roleAssignments": [] }""");

        var result = CliRunner.InProcess("posture", "--snapshot", path, "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("warning: ", Assert.Single(result.ErrorLines));
        Assert.Empty(JsonNode.Parse(result.Out)!["workspaces"]!.AsArray());
    }

    [Fact]
    public void An_exported_snapshot_keeps_the_posture()
    {
        var path = Path.Combine(_folder, "contoso.json");
        SnapshotWriter.Write(SampleTenant.Load(), path);

        var fromFile = CliRunner.InProcess("posture", "--snapshot", path, "--format", "json");
        var fromSample = CliRunner.InProcess("posture", "--sample", "--format", "json");

        Assert.Equal(
            JsonNode.Parse(fromSample.Out)!["workspaces"]!.ToJsonString(),
            JsonNode.Parse(fromFile.Out)!["workspaces"]!.ToJsonString());
    }
}
