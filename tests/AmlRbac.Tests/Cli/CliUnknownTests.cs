using System.Text.Json;
using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Cli;

/// <summary>
/// Issue #13 section 3 through the CLI: what the snapshot does not hold is Unknown in JSON (exit 1, never 0), and a
/// scope it lists nothing at is answered with a warning on stderr.
/// </summary>
public sealed class CliUnknownTests : IDisposable
{
    private const string Dev = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";
    private const string Prod = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod";
    private const string ComputeWrite = "Microsoft.MachineLearningServices/workspaces/computes/write";
    // Someone the sample lists in no group: only what they hold decides for them.
    private const string Gina = "7e570000-0000-4000-8000-000000000001";
    private const string MissingRole = "deadbeef-0000-4000-8000-000000000001";
    private const string GhostAssignment = Dev + "/providers/Microsoft.Authorization/roleAssignments/7d1c0c5e-0000-4000-8000-00000000c0de";
    private const string MlOps = "bf4f971b-fc2a-47f5-ab41-25c09da338fc";

    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-unknown-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Snapshot(string name, Func<Tenant, Tenant> change)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, SnapshotWriter.ToJson(change(SampleTenant.Load())));
        return path;
    }

    // A custom role assignment whose definition the snapshot lacks (roleDefinitions and the built-in catalog).
    private string WithoutRoleDefinition() => Snapshot("role.snapshot.json", t => t with
    {
        RoleAssignments = t.RoleAssignments.Append(new RoleAssignment
        {
            Id = GhostAssignment, RoleDefinitionId = MissingRole, PrincipalId = Gina, PrincipalType = PrincipalType.User, Scope = Dev,
        }).ToList(),
    });

    // The ml-mlops group's assignments without its members.
    private string WithoutMlOpsMembers() => Snapshot("group.snapshot.json", t => t with
    {
        Groups = t.Groups.Where(g => !g.Id.Equals(MlOps, StringComparison.OrdinalIgnoreCase)).ToList(),
    });

    private static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Out).RootElement;

    [Fact]
    public void A_role_definition_the_snapshot_lacks_is_unknown_in_json_with_exit_code_1()
    {
        var result = CliRunner.InProcess("test", "--principal", Gina, "--action", ComputeWrite, "--scope", Dev, "--snapshot", WithoutRoleDefinition(), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var json = Json(result);
        Assert.Equal("Unknown", json.GetProperty("decision").GetString());
        var reason = json.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "UnresolvedRole");
        Assert.Equal(GhostAssignment, reason.GetProperty("assignmentId").GetString());
        Assert.Equal(MissingRole, reason.GetProperty("roleDefinitionId").GetString());
    }

    [Fact]
    public void Who_lists_the_holder_of_a_missing_role_definition_as_unknown()
    {
        var result = CliRunner.InProcess("who", "--action", ComputeWrite, "--scope", Dev, "--snapshot", WithoutRoleDefinition(), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var gina = Json(result).EnumerateArray().Single(a => a.GetProperty("principalId").GetString() == Gina);
        Assert.Equal("Unknown", gina.GetProperty("decision").GetString());
    }

    [Fact]
    public void Access_shows_unknown_rows_for_a_missing_role_definition()
    {
        var result = CliRunner.InProcess("access", "--principal", Gina, "--scope", Dev, "--snapshot", WithoutRoleDefinition(), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var rows = Json(result).EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("action").GetString() == ComputeWrite && r.GetProperty("decision").GetString() == "Unknown");
    }

    [Fact]
    public void A_group_whose_members_the_snapshot_lacks_makes_others_unknown_and_names_the_group()
    {
        // Frank is in ml-all only; ml-mlops holds AzureML Compute Operator on mlw-prod, and its members are not listed.
        var result = CliRunner.InProcess("test", "--principal", "frank@contoso.com", "--action", ComputeWrite, "--scope", Prod, "--snapshot", WithoutMlOpsMembers(), "--format", "json");
        var sample = CliRunner.InProcess("test", "--principal", "frank@contoso.com", "--action", ComputeWrite, "--scope", Prod, "--sample", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var json = Json(result);
        Assert.Equal("Unknown", json.GetProperty("decision").GetString());
        var reason = json.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "MembershipUnknown");
        Assert.Equal(MlOps, reason.GetProperty("viaGroupId").GetString());
        Assert.EndsWith("5d07295d-70bf-496f-aecc-553918c13647", reason.GetProperty("assignmentId").GetString());
        // With the group's members, Frank is known not to be one: the PIM eligible Owner is all he has.
        Assert.Equal("Eligible", Json(sample).GetProperty("decision").GetString());
    }

    [Fact]
    public void A_scope_the_snapshot_lists_nothing_at_is_answered_with_a_warning_naming_the_closest_workspace()
    {
        var typo = Dev[..^"mlw-dev".Length] + "mlw-dve";

        var result = CliRunner.InProcess("test", "--principal", "alice@contoso.com", "--action", "Microsoft.MachineLearningServices/workspaces/read", "--scope", typo, "--sample", "--format", "json");

        // Azure's rules for the scope as given: Reader at the management group still reaches it.
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Allowed", Json(result).GetProperty("decision").GetString());
        var warning = Assert.Single(result.ErrorLines);
        Assert.StartsWith("warning: ", warning);
        Assert.Contains($"lists nothing at or below '{typo}'", warning);
        Assert.Contains($"Did you mean '{Dev}'?", warning);
    }

    [Theory]
    [InlineData(Dev)]
    [InlineData(Dev + "/computes/cpu-cluster")]
    [InlineData("/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev")]
    [InlineData("/providers/Microsoft.Management/managementGroups/contoso-ml")]
    public void A_scope_the_snapshot_holds_or_one_below_a_listed_resource_gets_no_warning(string scope)
    {
        var result = CliRunner.InProcess("test", "--principal", "alice@contoso.com", "--action", "Microsoft.MachineLearningServices/workspaces/read", "--scope", scope, "--sample");

        Assert.Empty(result.ErrorLines);
    }

    [Fact]
    public void Who_and_access_warn_about_the_scope_too()
    {
        var typo = Dev[..^"mlw-dev".Length] + "mlw-dve";

        var who = CliRunner.InProcess("who", "--action", ComputeWrite, "--scope", typo, "--sample");
        var access = CliRunner.InProcess("access", "--principal", "alice@contoso.com", "--scope", typo, "--sample", "--format", "json");

        Assert.Contains(who.ErrorLines, l => l.StartsWith("warning: ", StringComparison.Ordinal) && l.Contains(typo, StringComparison.Ordinal));
        Assert.Contains(access.ErrorLines, l => l.StartsWith("warning: ", StringComparison.Ordinal) && l.Contains(typo, StringComparison.Ordinal));
    }
}
