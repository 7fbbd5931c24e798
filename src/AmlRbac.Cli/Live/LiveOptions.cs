using System.CommandLine;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources.Live;

namespace AmlRbac.Cli.Live;

/// <summary>
/// The options of the commands that read live Azure (export, and test/access/who with --live): where ARM
/// and Graph are, where the tokens come from, and how fast requests may go. Everything else (collection, name lookup, retries)
/// is the engine's.
/// </summary>
internal sealed class LiveOptions
{
    public Option<bool> Live { get; } = new("--live")
    {
        Description = "Answer from live Azure (ARM and Microsoft Graph) instead of a snapshot; --principal may then be a UPN, a group's or service principal's display name, or an appId.",
    };

    public Option<bool> Sample { get; } = new("--sample")
    {
        Description = "Answer from the built-in sample tenant Contoso, to try the tool without a tenant of your own.",
    };

    public Option<Uri> ArmUrl { get; } = new("--arm-url")
    {
        Description = "The Azure Resource Manager URL (default https://management.azure.com; sovereign clouds have their own).",
        HelpName = "URL",
        CustomParser = result => ParseUrl(result),
    };

    public Option<Uri> GraphUrl { get; } = new("--graph-url")
    {
        Description = "The Microsoft Graph URL with its version (default: the Graph of the --arm-url's cloud, e.g. https://graph.microsoft.com/v1.0).",
        HelpName = "URL",
        CustomParser = result => ParseUrl(result),
    };

    public Option<string> AccessTokenEnv { get; } = new("--access-token-env")
    {
        Description = "An environment variable holding an ARM access token (default: Azure.Identity's DefaultAzureCredential).",
        HelpName = "NAME",
    };

    public Option<string> GraphAccessTokenEnv { get; } = new("--graph-access-token-env")
    {
        Description = "An environment variable holding a Microsoft Graph access token (default: the --access-token-env variable).",
        HelpName = "NAME",
    };

    public Option<double> MaxRequestsPerSecond { get; } = new("--max-requests-per-second")
    {
        Description = "The most requests a second sent to each of ARM and Graph (default 8, well under ARM's 25 reads a second refill).",
        HelpName = "N",
    };

    /// <summary>
    /// Adds the options; <paramref name="withSwitch"/> adds --live too (export is always live). Which of live Azure
    /// and <paramref name="snapshot"/> answers is <see cref="OpenAsync"/>'s, by the engine's one-source rule.
    /// </summary>
    public void AddTo(Command command, bool withSwitch, Option<string>? snapshot = null)
    {
        _snapshot = snapshot;
        if (withSwitch)
        {
            command.Options.Add(Live);
        }
        if (snapshot is not null)
        {
            command.Options.Add(Sample);
        }
        command.Options.Add(ArmUrl);
        command.Options.Add(GraphUrl);
        command.Options.Add(AccessTokenEnv);
        command.Options.Add(GraphAccessTokenEnv);
        command.Options.Add(MaxRequestsPerSecond);
        // Where the CLI's tokens come from is its own (the engine only takes a token source).
        command.Validators.Add(result =>
        {
            if (result.GetResult(GraphAccessTokenEnv) is not null && result.GetResult(AccessTokenEnv) is null)
            {
                result.AddError("--graph-access-token-env goes with --access-token-env.");
            }
        });
    }

    private Option<string>? _snapshot;

    /// <summary>--arm-url, else the public cloud; --graph-url, else the Graph of that cloud.</summary>
    public AzureEndpoints Endpoints(ParseResult parsed) =>
        AzureEndpoints.ForResourceManager(parsed.GetValue(ArmUrl) ?? AzureEndpoints.PublicCloud.ResourceManager, parsed.GetValue(GraphUrl));

    /// <summary>
    /// The connection to the chosen endpoints at --max-requests-per-second (LiveConnection: the same for every
    /// host), with the tokens of <see cref="Tokens"/> and Ctrl+C's <paramref name="cancellationToken"/>.
    /// </summary>
    public LiveConnection Open(ParseResult parsed, CancellationToken cancellationToken) =>
        LiveConnection.Open(Endpoints(parsed), parsed.GetResult(MaxRequestsPerSecond) is null ? null : parsed.GetValue(MaxRequestsPerSecond),
            MaxRequestsPerSecond.Name, endpoints => Tokens(parsed, endpoints), cancellationToken);

    /// <summary>The tokens: from the --access-token-env (and --graph-access-token-env) variables, else DefaultAzureCredential.</summary>
    private IAccessTokenSource Tokens(ParseResult parsed, AzureEndpoints endpoints) =>
        parsed.GetValue(AccessTokenEnv) is { } variable
            ? new EnvironmentTokenSource(variable, parsed.GetValue(GraphAccessTokenEnv))
            : new AzureIdentityTokenSource(endpoints);

    /// <summary>Runs <paramref name="work"/> with a collector over <see cref="Open"/>'s connection, the progress line cleared afterwards.</summary>
    public async Task<T> RunAsync<T>(ParseResult parsed, Terminal terminal, CancellationToken cancellationToken,
        Func<LiveTenantCollector, StderrProgress, CancellationToken, Task<T>> work)
    {
        using var connection = Open(parsed, cancellationToken);
        var progress = new StderrProgress(terminal);
        try
        {
            return await work(connection.Collector, progress, connection.Cancellation).ConfigureAwait(false);
        }
        finally
        {
            progress.Done();
        }
    }

    /// <summary>
    /// The evaluator and subject for a question (test, access, who): from live Azure with --live, else from the
    /// --snapshot or the sample tenant (<see cref="TenantOpener"/>), after the engine's one-source rule
    /// (<see cref="TenantChoice.CheckOneSource"/>) has checked the options given. <paramref name="withResources"/>: the
    /// question reads the workspaces' resources (posture), which --live then collects too.
    /// </summary>
    public async Task<(AccessEvaluator Evaluator, Subject Subject)> OpenAsync(ParseResult parsed, Terminal terminal, Subject subject, CancellationToken cancellationToken, bool withResources = false)
    {
        var live = parsed.GetValue(Live);
        var snapshot = _snapshot is null ? null : parsed.GetValue(_snapshot);
        var liveOnly = new Option[] { ArmUrl, GraphUrl, AccessTokenEnv, GraphAccessTokenEnv, MaxRequestsPerSecond }
            .Where(o => parsed.GetResult(o) is not null).Select(o => o.Name).ToList();
        var sample = _snapshot is not null && parsed.GetValue(Sample);
        TenantChoice.CheckOneSource(live, Live.Name, liveOnly, snapshot is null ? null : new[] { snapshot }, piped: null, sample);
        if (!live)
        {
            return (TenantOpener.Open(snapshot, sample, subject), subject);
        }
        return await RunAsync(parsed, terminal, cancellationToken, async (collector, progress, cancel) =>
        {
            var collected = await LiveQuery.CollectAsync(collector, new[] { subject }, progress, cancel, withResources).ConfigureAwait(false);
            var choice = TenantChoice.Live(collected.Tenant);
            return (new AccessEvaluator(choice.Tenant), collected.Subjects.Single());
        }).ConfigureAwait(false);
    }

    private static Uri? ParseUrl(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.Query.Length == 0)
        {
            return url;
        }
        result.AddError($"'{text}' is not an http(s) URL without a query.");
        return null;
    }
}
