using Xunit;
using static AmlRbac.Tests.Authoring.Roles;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Tests.Authoring;

namespace AmlRbac.Tests.Sources;

/// <summary>-OutFile: the file both creators read, in both shapes, read back as each reader reads it.</summary>
public sealed class RoleDefinitionJsonTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-role-").FullName;

    private static readonly RoleDefinition Role = Of(
        new[] { Ml + "computes/read", Ml + "computes/start/action" },
        new[] { Ml + "computes/delete" },
        new[] { "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read" },
        new[] { "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete" }) with { Description = "Starts compute." };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Written(RoleShape shape)
    {
        var path = Path.Combine(_folder, shape + ".json");
        RoleDefinitionJson.WriteFile(Role, shape, path);
        return File.ReadAllText(path);
    }

    [Fact]
    public void The_Permissions_file_is_read_by_Az_10_and_by_the_Azure_CLI()
    {
        var json = Written(RoleShape.Permissions);

        var az = AzReaders.Az10(json);
        var block = Assert.Single(az.Permissions!);
        Assert.Equal((Role.Name, Role.Id), (az.Name, az.Id));
        Assert.Equal(Role.Permissions[0].Actions, block.Actions);
        Assert.Equal(Role.Permissions[0].NotActions, block.NotActions);
        Assert.Equal(Role.Permissions[0].DataActions, block.DataActions);
        Assert.Equal(Role.Permissions[0].NotDataActions, block.NotDataActions);
        Assert.Equal(Role.AssignableScopes, az.AssignableScopes);

        var cli = AzReaders.AzureCli(json);
        AssertSameBlock(Role.Permissions[0], Assert.Single(cli.Permissions));
        Assert.Equal(Role.Name, cli.Name);
        Assert.Equal(Role.AssignableScopes, cli.Scopes);
    }

    [Fact]
    public void The_Flat_file_is_read_by_Az_before_10_and_by_the_Azure_CLI()
    {
        var json = Written(RoleShape.Flat);

        var az = AzReaders.AzBefore10(json);
        Assert.Equal((Role.Name, Role.Id), (az.Name, az.Id));
        Assert.Equal(Role.Permissions[0].Actions, az.Actions);
        Assert.Equal(Role.Permissions[0].NotActions, az.NotActions);
        Assert.Equal(Role.Permissions[0].DataActions, az.DataActions);
        Assert.Equal(Role.Permissions[0].NotDataActions, az.NotDataActions);

        var cli = AzReaders.AzureCli(json);
        AssertSameBlock(Role.Permissions[0], Assert.Single(cli.Permissions));
        Assert.Equal(Role.AssignableScopes, cli.Scopes);
    }

    [Fact]
    public void Each_Az_generation_finds_no_permissions_in_the_other_shape()
    {
        // Why the shape matters: the file of one shape grants nothing when read by the other Az generation.
        Assert.Null(AzReaders.Az10(Written(RoleShape.Flat)).Permissions);
        Assert.Null(AzReaders.AzBefore10(Written(RoleShape.Permissions)).Actions);
    }

    [Theory]
    [InlineData(RoleShape.Permissions)]
    [InlineData(RoleShape.Flat)]
    public void AmlRbac_reads_back_what_it_wrote(RoleShape shape)
    {
        Written(shape);

        var read = RoleInput.FromFile(Path.Combine(_folder, shape + ".json"));

        Assert.Null(read.SyntaxError);
        var role = read.Role!;
        Assert.Equal((Role.Id, Role.Name, Role.Description, true), (role.Id, role.Name, role.Description, role.IsCustom));
        AssertSameBlock(Role.Permissions[0], Assert.Single(role.Permissions));
        Assert.Equal(Role.AssignableScopes, role.AssignableScopes);
    }

    [Fact]
    public void A_file_without_an_id_gets_a_fresh_one()
    {
        var first = RoleInput.FromJson("""{ "Name": "No Id", "Actions": [ "*/read" ], "AssignableScopes": [] }""", "no-id.json").Role!;
        var second = RoleInput.FromJson("""{ "Name": "No Id", "Actions": [ "*/read" ], "AssignableScopes": [] }""", "no-id.json").Role!;

        Assert.True(Guid.TryParse(first.Id, out _));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_a_finding_with_line_and_column()
    {
        const string Json = "{\n  \"Name\": \"Trailing\",\n  \"Actions\": [\n    \"*/read\",\n  ]\n}";

        var read = RoleInput.FromJson(Json, "trailing.json");

        Assert.Null(read.Role);
        var finding = read.SyntaxError!;
        Assert.Equal(("AMLR000", FindingSeverity.Error, 5, 3), (finding.Id, finding.Severity, finding.Line, finding.Column));
        Assert.Contains("trailing.json", finding.Message);
        Assert.Contains("line 5, column 3", finding.Message);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var error = Assert.Throws<AmlRbacException>(() => RoleInput.FromFile(Path.Combine(_folder, "missing.json")));

        Assert.Equal(ErrorIds.RoleFileNotFound, error.ErrorId);
        Assert.Contains("missing.json", error.Message);
    }

    [Fact]
    public void A_folder_given_as_the_role_file_is_an_error_naming_it_not_a_raw_exception()
    {
        var error = Assert.Throws<AmlRbacException>(() => RoleInput.FromFile(_folder));

        Assert.Equal((ErrorIds.RoleFileNotFound, FailureCategory.InvalidArgument), (error.ErrorId, error.Category));
        Assert.Contains("is a folder, not a file", error.Message);
    }

    [Fact]
    public void The_Flat_shape_refuses_a_role_with_two_blocks()
    {
        var twoBlocks = Role with { Permissions = new[] { Role.Permissions[0], Role.Permissions[0] } };

        var error = Assert.Throws<AmlRbacException>(() => RoleDefinitionJson.Write(twoBlocks, RoleShape.Flat));

        Assert.Equal(ErrorIds.RoleDefinitionInvalid, error.ErrorId);
        Assert.Equal(2, AzReaders.Az10(RoleDefinitionJson.Write(twoBlocks, RoleShape.Permissions)).Permissions!.Count);
    }

    private static void AssertSameBlock(Permission expected, Permission actual)
    {
        Assert.Equal(expected.Actions, actual.Actions);
        Assert.Equal(expected.NotActions, actual.NotActions);
        Assert.Equal(expected.DataActions, actual.DataActions);
        Assert.Equal(expected.NotDataActions, actual.NotDataActions);
    }
}
