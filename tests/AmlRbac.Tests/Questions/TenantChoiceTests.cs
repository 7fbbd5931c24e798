using Xunit;

using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Sources;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Questions;

/// <summary>Which tenant a host answers from: the snapshot named, else the pipeline, else the sample (said out loud).</summary>
public sealed class TenantChoiceTests
{
    private const string Advice = "pass -SnapshotPath or pipe Get-AzRoleAssignment output";

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
    public void No_source_is_the_sample_tenant_with_a_warning()
    {
        var choice = TenantChoice.Choose(null, null);

        Assert.Equal(TenantOrigin.Sample, choice.Origin);
        Assert.Same(SampleTenant.Load(), choice.Tenant);
        Assert.Equal("Answering from the built-in sample tenant Contoso; pass -SnapshotPath or pipe Get-AzRoleAssignment output.", choice.SampleWarning(Advice));
    }

    [Fact]
    public void No_source_for_a_role_alone_is_no_tenant_and_no_warning()
    {
        var choice = TenantChoice.Choose(Array.Empty<string>(), null, fallBackToSample: false);

        Assert.Equal(TenantOrigin.CatalogOnly, choice.Origin);
        Assert.Same(Tenant.Empty, choice.Tenant);
        Assert.Null(choice.SampleWarning(Advice));
    }

    [Fact]
    public void A_snapshot_is_read_and_needs_no_warning()
    {
        var choice = TenantChoice.Choose(new[] { Contoso.SnapshotPath }, null);

        Assert.Equal(TenantOrigin.Snapshot, choice.Origin);
        Assert.NotEmpty(choice.Tenant.RoleAssignments);
        Assert.Null(choice.SampleWarning(Advice));
    }

    [Fact]
    public void Piped_objects_are_the_tenant()
    {
        var choice = TenantChoice.Choose(null, PipedObjects());

        Assert.Equal(TenantOrigin.Pipeline, choice.Origin);
        Assert.Single(choice.Tenant.RoleAssignments);
        Assert.Null(choice.SampleWarning(Advice));
    }

    [Fact]
    public void A_pipeline_that_brought_nothing_is_an_empty_tenant_not_the_sample()
    {
        var choice = TenantChoice.Choose(null, new PipelineTenant());

        Assert.Equal(TenantOrigin.Pipeline, choice.Origin);
        Assert.Empty(choice.Tenant.RoleAssignments);
    }

    [Fact]
    public void Piped_subjects_alone_leave_the_choice_to_the_snapshot_or_the_sample()
    {
        Assert.Equal(TenantOrigin.Snapshot, TenantChoice.Choose(new[] { Contoso.SnapshotPath }, PipedSubjectsOnly()).Origin);
        Assert.Equal(TenantOrigin.Sample, TenantChoice.Choose(null, PipedSubjectsOnly()).Origin);
    }

    [Fact]
    public void An_empty_pipeline_does_not_conflict_with_a_snapshot()
    {
        Assert.Equal(TenantOrigin.Snapshot, TenantChoice.Choose(new[] { Contoso.SnapshotPath }, new PipelineTenant()).Origin);
    }

    [Fact]
    public void A_snapshot_and_piped_objects_conflict()
    {
        var error = Assert.Throws<AmlRbacException>(() => TenantChoice.Choose(new[] { Contoso.SnapshotPath }, PipedObjects()));

        Assert.Equal((ErrorIds.SourceConflict, FailureCategory.InvalidArgument), (error.ErrorId, error.Category));
    }

    [Fact]
    public void Two_snapshots_conflict()
    {
        var error = Assert.Throws<AmlRbacException>(() => TenantChoice.Choose(new[] { Contoso.SnapshotPath, "other.json" }, null));

        Assert.Equal(ErrorIds.SourceConflict, error.ErrorId);
        Assert.Contains("other.json", error.Message);
    }

    [Fact]
    public void A_missing_snapshot_is_SnapshotNotFound()
    {
        var missing = Path.Combine(Path.GetTempPath(), "amlrbac-no-such-snapshot.json");

        var error = Assert.Throws<AmlRbacException>(() => TenantChoice.Choose(new[] { missing }, null));

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
