using Xunit;

using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources;

/// <summary>
/// The snapshot reader streams the file through a 64 KiB buffer and reads each item in one pass, reading it
/// again when the buffer ends inside it (issue #16). Wherever the buffer's end falls in an item, the item reads
/// whole and the same.
/// </summary>
public sealed class SnapshotStreamingTests
{
    private const string Subscription = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45";
    private const int Buffer = 1 << 16;

    private static string Assignment(string name, string principalId, string description) => $$"""
        { "id": "{{Subscription}}/providers/Microsoft.Authorization/roleAssignments/{{name}}",
          "properties": { "roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
            "principalId": "{{principalId}}", "principalType": "User", "scope": "{{Subscription}}/resourceGroups/rg-{{name}}",
            "description": "{{description}}" } }
        """;

    private static string Snapshot(params string[] assignments) =>
        $$"""{ "schemaVersion": 1, "roleAssignments": [ {{string.Join(",", assignments)}} ] }""";

    [Fact]
    public void An_item_reads_whole_wherever_the_buffer_ends_in_it()
    {
        var second = Assignment("a2", "22222222-2222-2222-2222-222222222222", "second");
        // The first item is padded so that the buffer's first end falls at each byte of the second item in turn:
        // inside a string, between a field's name and its value, just after the inner properties' closing brace.
        var unpadded = Snapshot(Assignment("a1", "11111111-1111-1111-1111-111111111111", ""), second);
        var secondStart = unpadded.IndexOf(second, StringComparison.Ordinal);
        for (var cut = 0; cut <= second.Length; cut++)
        {
            var padding = new string('x', Buffer - secondStart - cut);
            var json = Snapshot(Assignment("a1", "11111111-1111-1111-1111-111111111111", padding), second);
            Assert.Equal(Buffer - cut, json.IndexOf(second, StringComparison.Ordinal));

            var tenant = SnapshotReader.Parse(json, "cut.snapshot.json");

            Assert.Equal(2, tenant.RoleAssignments.Count);
            var read = tenant.RoleAssignments[1];
            Assert.Equal($"{Subscription}/providers/Microsoft.Authorization/roleAssignments/a2", read.Id);
            Assert.Equal("22222222-2222-2222-2222-222222222222", read.PrincipalId);
            Assert.Equal($"{Subscription}/resourceGroups/rg-a2", read.Scope);
        }
    }

    [Fact]
    public void An_item_larger_than_the_buffer_reads_whole()
    {
        var json = Snapshot(
            Assignment("a1", "11111111-1111-1111-1111-111111111111", new string('x', 3 * Buffer)),
            Assignment("a2", "22222222-2222-2222-2222-222222222222", "after"));

        var tenant = SnapshotReader.Parse(json, "big.snapshot.json");

        Assert.Equal(new[] { "rg-a1", "rg-a2" }, tenant.RoleAssignments.Select(a => a.Scope.Split('/')[^1]));
    }

    [Fact]
    public void A_file_cut_inside_an_item_is_invalid_json()
    {
        var json = Snapshot(Assignment("a1", "11111111-1111-1111-1111-111111111111", new string('x', Buffer)));

        var error = Assert.Throws<AmlRbac.Model.AmlRbacException>(() => SnapshotReader.Parse(json[..(Buffer + 100)], "cut.snapshot.json"));

        Assert.Contains("not valid JSON", error.Message);
    }
}
