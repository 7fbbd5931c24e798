using AmlRbac.Model;
using AmlRbac.Sources.Live;

namespace AmlRbac.Questions;

/// <summary>
/// Answers the hosts' questions from live Azure (-Live, --live): the principals the subjects name are
/// looked up in Microsoft Graph (so a UPN, a group's display name or an appId works), then the scopes
/// they name are collected once each, and the subjects are rewritten to name the principals by object
/// id. The tenant holds the looked-up principals, so answers show their names. Questions about a role
/// alone need no Azure and are left as they are.
/// </summary>
public static class LiveQuery
{
    /// <summary>What a live question is answered from, and the subjects to ask about.</summary>
    public sealed record Result(Tenant Tenant, IReadOnlyList<Subject> Subjects, int Requests);

    /// <summary>
    /// Collects the subjects' scopes; with <paramref name="withResources"/> also the workspaces' resources the posture
    /// rules read (the posture question's --live).
    /// </summary>
    public static async Task<Result> CollectAsync(
        LiveTenantCollector collector,
        IReadOnlyList<Subject> subjects,
        IProgress<CollectionProgress>? progress = null,
        CancellationToken cancellationToken = default,
        bool withResources = false)
    {
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentNullException.ThrowIfNull(subjects);
        var resolved = new Dictionary<string, Principal>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in subjects.Select(s => s.Principal).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            progress?.Report(new CollectionProgress("principal " + name, null, 1, collector.RequestCount));
            resolved[name] = await collector.ResolvePrincipalAsync(name, cancellationToken).ConfigureAwait(false);
        }
        var scopes = subjects.Select(s => s.Scope).OfType<string>().Select(Scope.Parse).Distinct().ToList();
        if (scopes.Count == 0)
        {
            return new Result(Tenant.Empty with { Principals = resolved.Values.ToList(), Source = "live Azure" }, subjects, collector.RequestCount);
        }
        var collection = await collector.CollectAsync(scopes, progress, cancellationToken, withResources).ConfigureAwait(false);
        var tenant = collection.Tenant;
        var known = tenant.Principals.Select(p => p.Id).Concat(tenant.Groups.Select(g => g.Id)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = resolved.Values.Where(p => !known.Contains(p.Id)).DistinctBy(p => p.Id).ToList();
        var rewritten = subjects.Select(s => s.Principal is { } name ? Subject.PrincipalAt(resolved[name].Id, s.Scope!) : s).Distinct().ToList();
        return new Result(tenant with { Principals = tenant.Principals.Concat(added).ToList() }, rewritten, collector.RequestCount);
    }
}
