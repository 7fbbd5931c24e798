using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources;

/// <summary>
/// Each shape of activity log is read into the same records: the sample (az monitor activity-log list), Get-AzActivityLog's
/// JSON, and the AzureActivity exports (tests/activity-logs/README.md). Values are compared with what the files hold, typed here.
/// </summary>
public sealed class ActivityLogReaderTests
{
    private const string AliceCompute = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev/computes/ci-alice";

    public static string SampleLog => Path.Combine(TestFiles.RepositoryRoot, "samples", "contoso.activity-log.json");

    public static string TestLog(string name) => Path.Combine(AppContext.BaseDirectory, "activity-logs", name);

    [Fact]
    public void The_az_cli_sample_is_read_record_by_record()
    {
        var log = ActivityLogReader.Read(SampleLog);

        Assert.Equal("az monitor activity-log list", log.Shape);
        Assert.Equal(35, log.Records.Count);
        var last = log.Records[0]; // az lists newest first
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 18, 12, 45, TimeSpan.Zero), last.Time);
        Assert.Equal("alice@contoso.com", last.Caller);
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/jobs/write", last.Action);
        Assert.EndsWith("/workspaces/mlw-dev/jobs/train-churn-02", last.Scope);
        Assert.True(last.Succeeded);
        // The Service Health event has no authorization and no caller: kept, with nothing to credit.
        var health = Assert.Single(log.Records, r => r.Action is null);
        Assert.Null(health.Caller);
        Assert.False(health.Succeeded);
    }

    [Theory]
    [InlineData("get-azactivitylog.json", "Get-AzActivityLog")]
    [InlineData("azureactivity.json", "AzureActivity (JSON)")]
    [InlineData("azureactivity.csv", "AzureActivity (CSV)")]
    public void Every_shape_gives_the_same_four_events(string file, string shape)
    {
        var log = ActivityLogReader.Read(TestLog(file));

        Assert.Equal(shape, log.Shape);
        Assert.Equal(4, log.Records.Count);
        var created = log.Records[1];
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero), created.Time);
        Assert.Equal("alice@contoso.com", created.Caller);
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/computes/write", created.Action);
        Assert.Equal(AliceCompute, created.Scope);
        Assert.True(created.Succeeded);
        Assert.False(log.Records[0].Succeeded); // Started / Start
        Assert.Equal("1613e9bb-5784-4d47-9033-0c7737529281", log.Records[2].Caller);
        Assert.True(log.Records[2].Succeeded);
        Assert.False(log.Records[3].Succeeded); // Failed / Failure
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 5, 41, TimeSpan.Zero), log.Records[2].Time); // "2:05:41.000 PM" in the CSV
    }

    [Fact]
    public void Windows_PowerShell_dates_are_read()
    {
        var log = ActivityLogReader.Parse("""[ { "Caller": "bob@contoso.com", "EventTimestamp": "\/Date(1796025600000)\/", "Status": "Succeeded" } ]""", "ps51.json");

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1796025600000), log.Records[0].Time);
    }

    [Fact]
    public void A_rest_page_is_read()
    {
        var log = ActivityLogReader.Parse("""{ "value": [ { "caller": "a@contoso.com", "eventTimestamp": "2026-12-01T00:00:00Z", "status": { "value": "Succeeded" } } ] }""", "page.json");

        Assert.Single(log.Records);
        Assert.Equal("Succeeded", log.Records[0].Status);
    }

    [Theory]
    [InlineData("[ { \"caller\": \"a\", \"eventTimestamp\": \"yesterday\" } ]", "record 1: the time 'yesterday' is not a date and time")]
    [InlineData("[ { \"caller\": \"a\", \"eventTimestamp\": \"2026-12-01T00:00:00Z\" }, { \"caller\": \"b\" } ]", "record 2 has no eventTimestamp")]
    [InlineData("[ 42 ]", "record 1 is a JSON number, not an object")]
    [InlineData("[]", "holds no record")]
    [InlineData("[ { \"eventTimestamp\": \"2026-12-01T00:00:00Z\", \"authorization\": { \"action\": \"Microsoft.MachineLearningServices/workspaces/write\", \"scope\": \"subscriptions/x\" } } ]", "record 1: authorization.scope 'subscriptions/x' is not a scope")]
    [InlineData("[ { \"eventTimestamp\": ", "is not valid JSON")]
    [InlineData("Caller,Operation\nalice,x\n", "no TimeGenerated column")]
    [InlineData("TimeGenerated,Caller\n2026-12-01T00:00:00Z\n", "record 1 (row 2 of the file, the header first) has 1 fields; the header has 2")]
    [InlineData("", "is empty")]
    public void A_bad_log_names_the_file_the_record_and_the_problem(string text, string problem)
    {
        var error = Assert.Throws<AmlRbacException>(() => ActivityLogReader.Parse(text, "bad.json"));

        Assert.Equal(ErrorIds.ActivityLogInvalid, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, error.Category);
        Assert.StartsWith("Activity log 'bad.json' ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_missing_file_is_ActivityLogNotFound()
    {
        var error = Assert.Throws<AmlRbacException>(() => ActivityLogReader.Read(Path.Combine(Path.GetTempPath(), "no-such-activity-log.json")));

        Assert.Equal(ErrorIds.ActivityLogNotFound, error.ErrorId);
        Assert.Contains("does not exist", error.Message);
    }
}
