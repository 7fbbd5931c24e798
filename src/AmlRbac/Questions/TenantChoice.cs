using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Questions;

/// <summary>
/// Decides which tenant a host answers from, the same way in every host: the snapshot file if one is
/// named, else the Az objects piped in when the command was piped to (even if the upstream command
/// listed nothing or nothing could be read, since answering from another tenant than the one the user
/// gave would mislead; items that only named who or where to ask about do not count), else the
/// built-in sample tenant when the user asked for it (--sample, -Sample), else, for a question about a
/// role alone, no tenant at all (the catalog's built-in roles answer it). A question about principals
/// with no source is an error (TenantMissing): answering it from a tenant the user did not name would
/// read as an answer about their own.
/// </summary>
public sealed class TenantChoice
{
    /// <summary>The name of the built-in sample tenant, as warnings and help call it.</summary>
    public const string SampleName = "Contoso";

    private TenantChoice(Tenant tenant, TenantOrigin origin, bool fromCache = false)
    {
        Tenant = tenant;
        Origin = origin;
        FromCache = fromCache;
    }

    /// <summary>True when the snapshot was the one read last, unchanged, and came from the cache (no second load).</summary>
    public bool FromCache { get; }

    public Tenant Tenant { get; }

    public TenantOrigin Origin { get; }

    /// <summary>
    /// <paramref name="snapshotPaths"/>: the file paths the user named, already resolved by the host
    /// (a PowerShell wildcard may give several; none means no snapshot). <paramref name="piped"/>: the
    /// objects piped in, or null when the command was not piped to. <paramref name="sample"/>: the user
    /// asked for the built-in sample tenant. <paramref name="needsTenant"/>: true for questions about
    /// principals (or who can act at a scope), which an empty tenant would answer "not granted" for
    /// everything; false for questions about a role alone. <paramref name="howToGiveSource"/>: the host's
    /// own advice for TenantMissing, such as "give --snapshot FILE, --live, or --sample". <paramref name="cache"/>:
    /// where a host that asks many questions keeps the last snapshot read (null reads the file every time). Throws
    /// SourceConflict for more than one source, TenantMissing for none when one is needed, and
    /// SnapshotNotFound / SnapshotInvalid from the snapshot reader.
    /// </summary>
    public static TenantChoice Choose(IReadOnlyCollection<string>? snapshotPaths, PipelineTenant? piped, bool sample, bool needsTenant, string howToGiveSource, SnapshotCache? cache = null)
    {
        var paths = snapshotPaths ?? Array.Empty<string>();
        if (paths.Count > 1)
        {
            throw new AmlRbacException(ErrorIds.SourceConflict, FailureCategory.InvalidArgument,
                $"{paths.Count} snapshots were given ({string.Join(", ", paths)}); answer from one: name a single snapshot file.", paths.First());
        }
        if (sample && (paths.Count > 0 || piped is { HasObjects: true }))
        {
            var other = paths.Count > 0 ? $"a snapshot ({paths.First()})" : "piped objects";
            throw new AmlRbacException(ErrorIds.SourceConflict, FailureCategory.InvalidArgument,
                $"The built-in sample tenant {SampleName} and {other} were both asked for; answer from one.", paths.FirstOrDefault());
        }
        if (paths.Count == 1)
        {
            if (piped is { HasObjects: true })
            {
                throw new AmlRbacException(ErrorIds.SourceConflict, FailureCategory.InvalidArgument,
                    $"Objects were piped in and a snapshot ({paths.First()}) was named; answer from one: pipe the Az objects, or name the snapshot.", paths.First());
            }
            if (cache is null)
            {
                return new TenantChoice(SnapshotReader.Read(paths.First()), TenantOrigin.Snapshot);
            }
            var tenant = cache.Read(paths.First(), out var fromCache);
            return new TenantChoice(tenant, TenantOrigin.Snapshot, fromCache);
        }
        if (piped is not null && (piped.HasObjects || piped.IsEmpty))
        {
            return new TenantChoice(piped.ToTenant(), TenantOrigin.Pipeline);
        }
        if (sample)
        {
            return new TenantChoice(SampleTenant.Load(), TenantOrigin.Sample);
        }
        return needsTenant
            ? throw new AmlRbacException(ErrorIds.TenantMissing, FailureCategory.InvalidArgument,
                $"No tenant to answer from: {howToGiveSource}.", null)
            : new TenantChoice(Tenant.Empty, TenantOrigin.CatalogOnly);
    }

    /// <summary>
    /// The tenant a live collection read (<see cref="LiveQuery"/>). That it is the only source was checked before
    /// anything was read (<see cref="CheckOneSource"/>).
    /// </summary>
    public static TenantChoice Live(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new TenantChoice(tenant, TenantOrigin.Live);
    }

    /// <summary>
    /// The one-source rule, checked by every host before anything is read. With live Azure
    /// (<paramref name="live"/>), a snapshot or piped objects as well would be two sources (SourceConflict);
    /// without it, an input that only live Azure uses (an ARM URL, a token, a pace) would be ignored, so it is
    /// refused (LiveParameterInvalid). <paramref name="liveOnlyGiven"/> are those inputs as the user gave them and
    /// <paramref name="liveSwitch"/> the switch that asks for live Azure, both spelled as the host spells them
    /// (-AccessToken and -Live, --arm-url and --live). Which of a snapshot, piped objects and the sample tenant
    /// answers without live Azure is <see cref="Choose"/>'s.
    /// </summary>
    public static void CheckOneSource(bool live, string liveSwitch, IReadOnlyCollection<string> liveOnlyGiven,
        IReadOnlyCollection<string>? snapshotPaths, PipelineTenant? piped, bool sample = false)
    {
        ArgumentNullException.ThrowIfNull(liveOnlyGiven);
        if (live)
        {
            CheckLiveAlone(snapshotPaths, piped, sample);
        }
        else if (liveOnlyGiven.FirstOrDefault() is { } input)
        {
            throw new AmlRbacException(ErrorIds.LiveParameterInvalid, FailureCategory.InvalidArgument,
                $"{input} goes with {liveSwitch}: add {liveSwitch} to read live Azure.", input);
        }
    }

    /// <summary>Throws SourceConflict when a snapshot, piped objects or the sample tenant come with live Azure.</summary>
    private static void CheckLiveAlone(IReadOnlyCollection<string>? snapshotPaths, PipelineTenant? piped, bool sample)
    {
        if (snapshotPaths is { Count: > 0 } || piped is { HasObjects: true } || sample)
        {
            var other = snapshotPaths is { Count: > 0 } ? $"a snapshot ({snapshotPaths.First()})"
                : piped is { HasObjects: true } ? "piped objects" : $"the built-in sample tenant {SampleName}";
            throw new AmlRbacException(ErrorIds.SourceConflict, FailureCategory.InvalidArgument,
                $"Live Azure and {other} were both given; answer from one: live Azure, or the snapshot or objects.", snapshotPaths?.FirstOrDefault());
        }
    }
}
