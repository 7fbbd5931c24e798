using Xunit;

using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Sources;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Questions;

/// <summary>Which tenant a host answers from: the snapshot named, else the pipeline, else the sample when asked for, else none (an error for principals).</summary>
public sealed class TenantChoiceTests
{
    private const string Advice = "give -SnapshotPath, or add -Sample";

    private static TenantChoice Choose(IReadOnlyCollection<string>? paths, PipelineTenant? piped, bool sample = false, bool needsTenant = true) =>
        TenantChoice.Choose(paths, piped, sample, needsTenant, Advice);

    private static PipelineTenant PipedObjects()
    {
        var piped = new PipelineTenant();
        piped.Add(new Dictionary<string, object?>
        {
            ["RoleAssignmentId"] = "ra1",
            ["Scope"] = Contoso.DevWorkspace,
            ["RoleDefinitionId"] = Contoso.ComputeOperator,
            ["ObjectId"] = Contoso.Alice,
        }, "input object 1");
        return piped;
    }

    private static PipelineTenant PipedSubjectsOnly()
    {
        var piped = new PipelineTenant();
        piped.Add(new Dictionary<string, object?> { ["Id"] = Contoso.DevWorkspace }, "input object 1", isSubject: true);
        return piped;
    }

    [Fact]
    public void No_source_for_a_principal_is_TenantMissing_in_the_hosts_words()
    {
        var error = Assert.Throws<AmlRbacException>(() => Choose(null, null));

        Assert.Equal((ErrorIds.TenantMissing, FailureCategory.InvalidArgument), (error.ErrorId, error.Category));
        Assert.Equal("No tenant to answer from: give -SnapshotPath, or add -Sample.", error.Message);
    }

    [Fact]
    public void The_sample_tenant_answers_only_when_asked_for()
    {
        var choice = Choose(null, null, sample: true);

        Assert.Equal(TenantOrigin.Sample, choice.Origin);
        Assert.Same(SampleTenant.Load(), choice.Tenant);
    }

    [Fact]
    public void The_sample_and_a_snapshot_or_piped_objects_conflict()
    {
        var withSnapshot = Assert.Throws<AmlRbacException>(() => Choose(new[] { Contoso.SnapshotPath }, null, sample: true));
        var withPiped = Assert.Throws<AmlRbacException>(() => Choose(null, PipedObjects(), sample: true));
        var withLive = Assert.Throws<AmlRbacException>(() => TenantChoice.CheckOneSource(true, "--live", Array.Empty<string>(), null, null, sample: true));

        Assert.Equal(new[] { ErrorIds.SourceConflict, ErrorIds.SourceConflict, ErrorIds.SourceConflict }, new[] { withSnapshot.ErrorId, withPiped.ErrorId, withLive.ErrorId });
        Assert.Contains("sample tenant Contoso", withLive.Message);
    }

    [Fact]
    public void No_source_for_a_role_alone_is_no_tenant()
    {
        var choice = Choose(Array.Empty<string>(), null, needsTenant: false);

        Assert.Equal(TenantOrigin.CatalogOnly, choice.Origin);
        Assert.Same(Tenant.Empty, choice.Tenant);
    }

    [Fact]
    public void A_snapshot_is_read()
    {
        var choice = Choose(new[] { Contoso.SnapshotPath }, null);

        Assert.Equal(TenantOrigin.Snapshot, choice.Origin);
        Assert.NotEmpty(choice.Tenant.RoleAssignments);
    }

    [Fact]
    public void Piped_objects_are_the_tenant()
    {
        var choice = Choose(null, PipedObjects());

        Assert.Equal(TenantOrigin.Pipeline, choice.Origin);
        Assert.Single(choice.Tenant.RoleAssignments);
    }

    [Fact]
    public void A_pipeline_that_brought_nothing_is_an_empty_tenant_not_the_sample()
    {
        var choice = Choose(null, new PipelineTenant());

        Assert.Equal(TenantOrigin.Pipeline, choice.Origin);
        Assert.Empty(choice.Tenant.RoleAssignments);
    }

    [Fact]
    public void Piped_subjects_alone_leave_the_choice_to_the_snapshot_or_the_sample()
    {
        Assert.Equal(TenantOrigin.Snapshot, Choose(new[] { Contoso.SnapshotPath }, PipedSubjectsOnly()).Origin);
        Assert.Equal(TenantOrigin.Sample, Choose(null, PipedSubjectsOnly(), sample: true).Origin);
        Assert.Equal(ErrorIds.TenantMissing, Assert.Throws<AmlRbacException>(() => Choose(null, PipedSubjectsOnly())).ErrorId);
    }

    [Fact]
    public void An_empty_pipeline_does_not_conflict_with_a_snapshot()
    {
        Assert.Equal(TenantOrigin.Snapshot, Choose(new[] { Contoso.SnapshotPath }, new PipelineTenant()).Origin);
    }

    [Fact]
    public void A_snapshot_and_piped_objects_conflict()
    {
        var error = Assert.Throws<AmlRbacException>(() => Choose(new[] { Contoso.SnapshotPath }, PipedObjects()));

        Assert.Equal((ErrorIds.SourceConflict, FailureCategory.InvalidArgument), (error.ErrorId, error.Category));
    }

    [Fact]
    public void Two_snapshots_conflict()
    {
        var error = Assert.Throws<AmlRbacException>(() => Choose(new[] { Contoso.SnapshotPath, "other.json" }, null));

        Assert.Equal(ErrorIds.SourceConflict, error.ErrorId);
        Assert.Contains("other.json", error.Message);
    }

    [Fact]
    public void A_missing_snapshot_is_SnapshotNotFound()
    {
        var missing = Path.Combine(Path.GetTempPath(), "amlrbac-no-such-snapshot.json");

        var error = Assert.Throws<AmlRbacException>(() => Choose(new[] { missing }, null));

        Assert.Equal(ErrorIds.SnapshotNotFound, error.ErrorId);
    }

    [Fact]
    public void Live_Azure_and_a_snapshot_or_piped_objects_are_two_sources()
    {
        var withSnapshot = Assert.Throws<AmlRbacException>(() => TenantChoice.CheckOneSource(true, "--live", Array.Empty<string>(), new[] { "f.json" }, null));
        var withPiped = Assert.Throws<AmlRbacException>(() => TenantChoice.CheckOneSource(true, "-Live", Array.Empty<string>(), null, PipedObjects()));

        Assert.Equal((ErrorIds.SourceConflict, ErrorIds.SourceConflict), (withSnapshot.ErrorId, withPiped.ErrorId));
        Assert.Contains("a snapshot (f.json)", withSnapshot.Message);
        Assert.Contains("piped objects", withPiped.Message);
    }

    [Fact]
    public void A_live_only_input_without_live_Azure_is_refused_in_the_hosts_words()
    {
        var error = Assert.Throws<AmlRbacException>(() => TenantChoice.CheckOneSource(false, "--live", new[] { "--arm-url", "--max-requests-per-second" }, null, null));

        Assert.Equal((ErrorIds.LiveParameterInvalid, FailureCategory.InvalidArgument), (error.ErrorId, error.Category));
        Assert.Equal("--arm-url goes with --live: add --live to read live Azure.", error.Message);
    }

    [Fact]
    public void One_source_passes_the_rule()
    {
        TenantChoice.CheckOneSource(true, "-Live", new[] { "-AccessToken" }, null, null);
        TenantChoice.CheckOneSource(false, "-Live", Array.Empty<string>(), new[] { "f.json" }, null);
        TenantChoice.CheckOneSource(false, "-Live", Array.Empty<string>(), null, PipedObjects());
    }
}
