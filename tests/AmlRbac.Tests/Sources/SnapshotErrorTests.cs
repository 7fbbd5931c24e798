using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Tests.Authoring;

namespace AmlRbac.Tests.Sources;

/// <summary>A bad snapshot fails as a whole, naming the file, the JSON path and the problem.</summary>
public sealed class SnapshotErrorTests
{
    private const string File = "bad.snapshot.json";

    private static AmlRbacException Fails(string json)
    {
        var error = Assert.Throws<AmlRbacException>(() => SnapshotReader.Parse(json, File));
        Assert.Equal(ErrorIds.SnapshotInvalid, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, error.Category);
        Assert.StartsWith(File + ": ", error.Message);
        return error;
    }

    // One valid assignment in ARM shape whose properties the tests replace.
    private static string Assignment(string properties) => $$"""
        { "schemaVersion": 1, "roleAssignments": [
          { "id": "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/roleAssignments/a1",
            "properties": { {{properties}} } } ] }
        """;

    [Fact]
    public void Invalid_json_names_line_and_column()
    {
        var error = Fails("{\n  \"schemaVersion\": 1,\n  \"groups\": [\n    { \"id\": \"g1\", }\n  ]\n}");

        // The trailing comma's object closes at line 4, column 19 (1-based, as editors count).
        Assert.Contains("$: not valid JSON at line 4, column 19:", error.Message);
    }

    [Fact]
    public void Wrong_type_names_the_json_path()
    {
        var error = Fails(Assignment("""
            "roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
            "principalId": "f654bbdb-76f3-4d0a-8bc9-337e384a70b8", "scope": 42
            """));

        Assert.Equal("bad.snapshot.json: $.roleAssignments[0].properties.scope: expected a string, found a number.", error.Message);
    }

    [Fact]
    public void Missing_required_field_names_it_and_its_alternative()
    {
        var error = Fails(Assignment("""
            "roleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7", "scope": "/subscriptions/099041be-6a92-430e-9f47-32340e216c45"
            """));

        Assert.Equal("bad.snapshot.json: $.roleAssignments[0].properties.principalId: the required field is missing (or 'objectId').", error.Message);
    }

    [Fact]
    public void Invalid_scope_says_why()
    {
        var error = Fails(Assignment("""
            "roleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7", "principalId": "f654bbdb-76f3-4d0a-8bc9-337e384a70b8",
            "scope": "/subscriptions/ml-dev/resourceGroups/rg-ml-dev"
            """));

        Assert.Equal(
            "bad.snapshot.json: $.roleAssignments[0].properties.scope: '/subscriptions/ml-dev/resourceGroups/rg-ml-dev' is not a valid scope: the subscription id 'ml-dev' is not a GUID.",
            error.Message);
    }

    [Fact]
    public void Element_of_the_wrong_type_names_its_index()
    {
        var error = Fails("""
            { "schemaVersion": 1, "roleDefinitions": [ { "id": "r1", "properties": { "roleName": "R",
              "permissions": [ { "actions": [ "Microsoft.MachineLearningServices/workspaces/read", true ] } ] } } ] }
            """);

        Assert.Contains("$.roleDefinitions[0].properties.permissions[0].actions[1]: expected a string, found true.", error.Message);
    }

    [Fact]
    public void Unknown_schema_version_is_refused()
    {
        var error = Fails("""{ "schemaVersion": 2, "roleAssignments": [] }""");

        Assert.Contains("$.schemaVersion: unknown schemaVersion 2: this version of AmlRbac reads schemaVersion 1.", error.Message);
    }

    [Fact]
    public void Misspelt_section_is_refused_rather_than_ignored()
    {
        var error = Fails("""{ "schemaVersion": 1, "roleAssignment": [] }""");

        Assert.Contains("$.roleAssignment: unknown section", error.Message);
    }

    [Fact]
    public void Management_group_subscription_must_be_a_guid()
    {
        var error = Fails("""{ "schemaVersion": 1, "managementGroups": [ { "id": "contoso", "subscriptions": [ "ml-prod" ] } ] }""");

        Assert.Contains("$.managementGroups[0].subscriptions[0]: 'ml-prod' is not a subscription id (a GUID).", error.Message);
    }

    [Fact]
    public void Management_group_is_named_not_given_as_a_resource_id()
    {
        var error = Fails("""{ "schemaVersion": 1, "managementGroups": [ { "id": "/providers/Microsoft.Management/managementGroups/contoso" } ] }""");

        Assert.Contains("$.managementGroups[0].id: '/providers/Microsoft.Management/managementGroups/contoso' is not a management group name", error.Message);
    }

    [Fact]
    public void One_page_of_a_longer_arm_list_is_refused()
    {
        var error = Fails("""{ "value": [], "nextLink": "https://management.azure.com/providers/Microsoft.Authorization/roleAssignments?$skipToken=x" }""");

        Assert.Contains("$.nextLink: this is one page of a longer ARM list", error.Message);
    }

    [Fact]
    public void Item_of_no_known_kind_says_what_it_lacks()
    {
        var error = Fails("""[ { "Name": "Reader", "Scope": "/" } ]""");

        Assert.Contains("$[0]: it is not a role assignment (no roleDefinitionId with principalId or ObjectId)", error.Message);
    }

    [Fact]
    public void Export_cut_short_by_convertto_json_depth_says_how_to_fix_it()
    {
        var error = Fails("""
            [ { "Name": "R", "Id": "95dd08a6-00bd-4661-84bf-f6726f83a4d0", "IsCustom": false,
                "Permissions": "System.Collections.Generic.List`1[Microsoft.Azure.Commands.Resources.Models.Authorization.PSPermission]" } ]
            """);

        Assert.Contains("$[0].Permissions: expected an array of objects, found the string", error.Message);
        Assert.Contains("ConvertTo-Json -Depth 10", error.Message);
    }

    [Fact]
    public void Scalar_document_is_refused()
    {
        var error = Fails("42");

        Assert.Contains("$: expected a snapshot object or an array", error.Message);
    }

    [Fact]
    public void Missing_file_is_snapshot_not_found()
    {
        var path = Path.Combine(Path.GetTempPath(), $"amlrbac-missing-{Guid.NewGuid():N}", "tenant.json");

        var error = Assert.Throws<AmlRbacException>(() => SnapshotReader.Read(path));

        Assert.Equal(ErrorIds.SnapshotNotFound, error.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, error.Category);
        Assert.Equal($"Snapshot file '{path}' does not exist.", error.Message);
        Assert.Equal(path, error.Target);
    }

    [Fact]
    public void Error_in_a_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"amlrbac-{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, """{ "schemaVersion": "1" }""");
        try
        {
            var error = Assert.Throws<AmlRbacException>(() => SnapshotReader.Read(path));

            Assert.Equal($"{path}: $.schemaVersion: expected a whole number, found the string '1'.", error.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
