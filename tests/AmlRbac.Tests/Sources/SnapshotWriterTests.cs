using System.Text.Json.Nodes;
using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources;

/// <summary>What the writer writes reads back into an equal tenant, and a written file is always whole.</summary>
public sealed class SnapshotWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-writer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Sample_round_trips()
    {
        var path = Path.Combine(_folder, "contoso.json");

        SnapshotWriter.Write(SampleTenant.Load(), path);
        var read = SnapshotReader.Read(path);

        Assert.Equal(TestFiles.Content(SampleTenant.Load()), TestFiles.Content(read));
        Assert.Equal(new[] { path }, Directory.GetFiles(_folder));
    }

    [Fact]
    public void Tenant_with_every_kind_of_field_round_trips()
    {
        var tenant = new Tenant
        {
            RoleDefinitions = new[]
            {
                new RoleDefinition
                {
                    Id = "95dd08a6-00bd-4661-84bf-f6726f83a4d0", Name = "Two Blocks", IsCustom = true,
                    Permissions = new[]
                    {
                        new Permission { Actions = new[] { "a/read" }, NotDataActions = new[] { "d/x/read" } },
                        new Permission { Actions = new[] { "Microsoft.Authorization/roleAssignments/write" }, Condition = "((!(ActionMatches{'x'})) OR (@Request[y] GuidEquals 'z'))", ConditionVersion = "2.0" },
                    },
                    AssignableScopes = new[] { "/subscriptions/099041be-6a92-430e-9f47-32340e216c45" },
                },
            },
            RoleAssignments = new[]
            {
                new RoleAssignment { Id = "/providers/Microsoft.Authorization/roleAssignments/a1", RoleDefinitionId = "95dd08a6-00bd-4661-84bf-f6726f83a4d0", PrincipalId = "p1", Scope = "/" },
                new RoleAssignment { Id = "e1", RoleDefinitionId = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", PrincipalId = "5a95c1c1-0507-470d-ac29-fc08dcb97738", PrincipalType = PrincipalType.Group, Scope = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45", IsEligible = true },
            },
            DenyAssignments = new[]
            {
                new DenyAssignment
                {
                    Id = "d1", Name = "deny", Scope = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45",
                    Permissions = new[] { new Permission { Actions = new[] { "*/delete" } } },
                    Principals = new[] { ObjectIds.AllPrincipals }, ExcludePrincipals = new[] { "5a95c1c1-0507-470d-ac29-fc08dcb97738", "p9" },
                    DoNotApplyToChildScopes = true,
                },
            },
            Groups = new[] { new Group { Id = "5a95c1c1-0507-470d-ac29-fc08dcb97738", Members = new[] { "p1" } } },
            ManagementGroups = new[] { new ManagementGroup { Id = "root" }, new ManagementGroup { Id = "ml", Parent = "root", Subscriptions = new[] { "099041be-6a92-430e-9f47-32340e216c45" } } },
            Principals = new[] { new Principal { Id = "p1", Type = PrincipalType.ServicePrincipal, AppId = "1613e9bb-5784-4d47-9033-0c7737529281" } },
        };

        var json = SnapshotWriter.ToJson(tenant);
        var read = SnapshotReader.Parse(json, "written");

        Assert.Equal(TestFiles.Content(tenant), TestFiles.Content(read));
        // ARM's shapes: eligible assignments in their own section, deny principals with their types.
        var document = JsonNode.Parse(json)!;
        Assert.Equal("e1", (string?)document["roleEligibilityScheduleInstances"]![0]!["id"]);
        Assert.Equal("Microsoft.Authorization/roleEligibilityScheduleInstances", (string?)document["roleEligibilityScheduleInstances"]![0]!["type"]);
        Assert.Equal("/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
            (string?)document["roleEligibilityScheduleInstances"]![0]!["properties"]!["roleDefinitionId"]);
        var deny = document["denyAssignments"]![0]!["properties"]!;
        Assert.Equal("SystemDefined", (string?)deny["principals"]![0]!["type"]);
        Assert.Equal("Group", (string?)deny["excludePrincipals"]![0]!["type"]);
        Assert.Null(deny["excludePrincipals"]![1]!["type"]);
        Assert.Contains("ActionMatches{'x'}", json); // not \u0027-escaped
    }

    [Fact]
    public void Write_replaces_an_existing_file_whole()
    {
        var path = Path.Combine(_folder, "tenant.json");
        File.WriteAllText(path, "old content that is not JSON");

        SnapshotWriter.Write(Tenant.Empty, path);

        Assert.StartsWith("{\n  \"schemaVersion\": 1,", File.ReadAllText(path).ReplaceLineEndings("\n"));
        Assert.Empty(SnapshotReader.Read(path).RoleAssignments);
        Assert.Single(Directory.GetFiles(_folder));
    }
    [Fact]
    public void A_large_snapshot_reaches_its_stream_in_pieces_as_it_is_written()
    {
        // 20,000 assignments from the tenant and 20,000 from a spool: a few MiB of JSON. Each write the stream is
        // given is at most the flush threshold and one item, never the whole document held until the end.
        static RoleAssignment Assignment(string prefix, int i) => new()
        {
            Id = $"/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/roleAssignments/{prefix}{i}",
            RoleDefinitionId = "acdd72a7-3385-48ef-bd42-f606fba81ae7", PrincipalId = $"p{i}", PrincipalType = PrincipalType.User,
            Scope = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45", IsEligible = i % 10 == 0,
        };
        var tenant = Tenant.Empty with { RoleAssignments = Enumerable.Range(0, 20_000).Select(i => Assignment("t", i)).ToList() };
        using var spool = RoleAssignmentSpool.Beside(Path.Combine(_folder, "large.json"));
        foreach (var i in Enumerable.Range(0, 20_000))
        {
            spool.Add(Assignment("s", i));
        }
        var stream = new WriteSizes();

        SnapshotWriter.Write(tenant, spool, stream);

        Assert.True(stream.Length > 8 * JsonOutput.FlushThreshold, $"{stream.Length} bytes written");
        Assert.True(stream.Largest < JsonOutput.FlushThreshold + 4096, $"a write of {stream.Largest} bytes, of {stream.Length}");
    }

    /// <summary>A stream that keeps only how much it was given, and the largest single write.</summary>
    private sealed class WriteSizes : Stream
    {
        public int Largest { get; private set; }
        public override long Length => Position;
        public override long Position { get; set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Largest = Math.Max(Largest, buffer.Length);
            Position += buffer.Length;
        }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
