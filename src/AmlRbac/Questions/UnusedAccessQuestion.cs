using System.Security.Cryptography;
using System.Text;
using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Questions;

/// <summary>
/// What is never used (issue #18, part 3): for every role assignment of the tenant, the operations its principal performed
/// through it in the activity log's window, the granted operations nobody used, and a recommendation.
/// <para>An operation counts as performed through an assignment when a Succeeded record shows the assignment's principal
/// (or a member of its group) perform it at a scope the assignment covers and the assignment's role grants it: the
/// evaluator's own decision for (caller, operation, scope) names the assignments that grant it, so nothing here decides
/// access a second way. When several assignments grant it, every one of them is credited (each is named in the others'
/// <see cref="OperationUse.AlsoGrantedBy"/>): the log does not say which one Azure used, and crediting one alone could
/// recommend removing an assignment that was needed.</para>
/// <para>What the log cannot see is never called unused ([ACTLOG-OV]): reads (GET) and data-plane operations are not in
/// the activity log, so an assignment whose role grants them and shows no logged use is <see cref="UnusedRecommendation.Review"/>,
/// not Remove, and a narrower role keeps them (<see cref="RoleNarrowing"/>).</para>
/// </summary>
public sealed class UnusedAccessQuestion
{
    /// <summary>What every answer says the log cannot show.</summary>
    public static readonly IReadOnlyList<string> Limits = new[]
    {
        "Data-plane operations (DataActions: blob reads, workspace data actions) are not in the activity log; their use is unknown.",
        "Control-plane reads (GET) are not logged; their use is unknown.",
        "Only the window is seen: an operation used before the first record or after the last is unknown.",
        "A Succeeded record is credited to every assignment that grants the operation to the caller at that scope, as the log does not say which one Azure used.",
    };

    private readonly AccessEvaluator _evaluator;
    private readonly ActivityLog _log;
    private readonly DateTimeOffset _from;
    private readonly DateTimeOffset _to;

    public UnusedAccessQuestion(AccessEvaluator evaluator, ActivityLog log)
    {
        _evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        // The window: the first and the last record, whatever their status (the reader refuses a log with none).
        _from = log.Records.Min(r => r.Time);
        _to = log.Records.Max(r => r.Time);
    }

    public UnusedAccessReport Answer()
    {
        var tenant = _evaluator.Tenant;
        var callers = CallerIndex(tenant);
        var performed = _log.Records.Where(r => r.Succeeded && r.Action is not null && r.Scope is not null && r.Caller is not null).ToList();
        var misses = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var credits = new Dictionary<string, List<(ActivityRecord Record, string Operation, IReadOnlyList<string> Granting)>>(StringComparer.OrdinalIgnoreCase);
        var unexplained = new List<UnexplainedUse>();

        // One decision per (principal, operation, scope); a log repeats the same ones many times.
        foreach (var group in performed.GroupBy(r => (Caller: r.Caller!, r.Action, Scope: r.Scope!), CallerKey.Instance))
        {
            if (!callers.TryGetValue(group.Key.Caller, out var principalId))
            {
                misses[group.Key.Caller] = misses.GetValueOrDefault(group.Key.Caller) + group.Count();
                continue;
            }
            Decision decision;
            try
            {
                decision = _evaluator.Check(principalId, group.Key.Action!, group.Key.Scope);
            }
            catch (AmlRbacException e) when (e.ErrorId is ErrorIds.ActionUnknown or ErrorIds.ActionInvalid)
            {
                unexplained.Add(new UnexplainedUse(group.Key.Caller, principalId, group.Key.Action!, group.Key.Scope, group.Count(), e.Message));
                continue;
            }
            var granting = decision.Reasons
                .Where(r => r.Kind is ReasonKind.Grant or ReasonKind.ConditionalGrant or ReasonKind.EligibleGrant && r.AssignmentId is not null)
                .Select(r => r.AssignmentId!)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (granting.Count == 0)
            {
                unexplained.Add(new UnexplainedUse(group.Key.Caller, principalId, decision.Action, decision.Scope ?? group.Key.Scope, group.Count(),
                    $"No role assignment of {tenant.Source ?? "the snapshot"} grants it to this principal there."));
                continue;
            }
            foreach (var assignmentId in granting)
            {
                if (!credits.TryGetValue(assignmentId, out var list))
                {
                    credits[assignmentId] = list = new();
                }
                list.AddRange(group.Select(r => (r, decision.Action, (IReadOnlyList<string>)granting)));
            }
        }

        return new UnusedAccessReport
        {
            ActivityLog = _log.Source,
            Shape = _log.Shape,
            Snapshot = tenant.Source,
            From = _from,
            To = _to,
            Records = _log.Records.Count,
            Performed = performed.Count,
            Assignments = tenant.RoleAssignments
                .Select(a => Judge(a, credits.TryGetValue(a.Id, out var used) ? used : new()))
                .ToList(),
            UnmatchedCallers = misses.Select(m => new CallerMiss(m.Key, m.Value)).OrderByDescending(m => m.Records).ThenBy(m => m.Caller, StringComparer.OrdinalIgnoreCase).ToList(),
            Unexplained = unexplained,
            Limits = Limits,
        };
    }

    private AssignmentUse Judge(RoleAssignment assignment, List<(ActivityRecord Record, string Operation, IReadOnlyList<string> Granting)> credited)
    {
        var used = credited
            .GroupBy(c => c.Operation, StringComparer.OrdinalIgnoreCase)
            .Select(g => new OperationUse
            {
                Operation = g.Key,
                Records = g.Count(),
                First = g.Min(c => c.Record.Time),
                Last = g.Max(c => c.Record.Time),
                Callers = g.Select(c => c.Record.Caller!).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList(),
                AlsoGrantedBy = g.SelectMany(c => c.Granting).Where(id => !string.Equals(id, assignment.Id, StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList(),
            })
            .OrderBy(u => u.Operation, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var principalName = _evaluator.DisplayNameOf(assignment.PrincipalId);
        var role = _evaluator.FindRole(assignment.RoleDefinitionId);
        if (role is null)
        {
            return new AssignmentUse
            {
                Assignment = assignment, PrincipalName = principalName, Used = used, NeverUsed = Array.Empty<string>(),
                UnloggedReads = 0, UnloggedDataActions = 0, ReachesBeyondCatalog = false,
                Recommendation = UnusedRecommendation.Review,
                Why = $"Its role {assignment.RoleDefinitionId} is neither in the snapshot nor a built-in role: what it grants is unknown.",
            };
        }

        var operations = _evaluator.Catalog.Operations;
        var granted = _evaluator.GrantedOperations(role).Select(i => operations[i]).ToList();
        var usedNames = used.Select(u => u.Operation).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reads = granted.Count(o => !o.IsDataAction && IsRead(o.Name));
        var dataActions = granted.Count(o => o.IsDataAction);
        var entries = role.Permissions.SelectMany(p => p.Actions).ToList();
        var unloggedGrants = reads > 0 || dataActions > 0 || role.Permissions.Any(p => p.DataActions.Count > 0) || entries.Any(RoleNarrowing.MayGrantReads);
        var result = new AssignmentUse
        {
            Assignment = assignment,
            RoleName = role.Name,
            PrincipalName = principalName,
            Used = used,
            NeverUsed = granted.Where(o => !o.IsDataAction && !IsRead(o.Name) && !usedNames.Contains(o.Name)).Select(o => o.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            UnloggedReads = reads,
            UnloggedDataActions = dataActions,
            ReachesBeyondCatalog = _evaluator.GrantsOutsideCatalog(role),
            Recommendation = UnusedRecommendation.Review,
            Why = string.Empty,
        };

        if (used.Count == 0)
        {
            return unloggedGrants
                ? result with
                {
                    Why = $"Nothing it grants was logged as used in the window, but {role.Name} grants {Unlogged(reads, dataActions)}, which the activity log does not record: check them before removing it.",
                }
                : result with
                {
                    Recommendation = UnusedRecommendation.Remove,
                    Why = $"Nothing {role.Name} grants was used in the window, and all it grants is of a kind the activity log records (writes, deletes, actions).",
                };
        }

        var replacement = RoleNarrowing.Build(role, used.Select(u => u.Operation),
            $"{role.Name} (used)",
            $"{role.Name} narrowed to the operations used from {_from:yyyy-MM-dd} to {_to:yyyy-MM-dd} " +
            $"(activity log {_log.Source}); its reads and data actions are kept, as the activity log does not record them.",
            assignment.Scope, StableId(assignment.Id), out var whyNot);
        if (replacement is null)
        {
            return result with { Why = $"Used ({used.Count} operation(s)), but no narrower role was built: {whyNot}" };
        }
        var proof = RoleComparison.Compare(_evaluator, replacement, role);
        var covers = used.All(u => _evaluator.CheckRole(replacement, u.Operation).Outcome != Outcome.NotGranted);
        if (!proof.GrantsNoMore || !covers)
        {
            // Not expected (the narrowed role is made of the role's own entries); said rather than recommended.
            return result with
            {
                Replacement = replacement, Proof = proof, CoversUsed = covers,
                Why = !proof.GrantsNoMore
                    ? $"Used in part, but the narrowed role would grant {proof.OnlyInRole.Count} catalog operation(s) {role.Name} does not: not recommended."
                    : "Used in part, but the narrowed role does not grant every operation used: not recommended.",
            };
        }
        return proof.OnlyInReference.Count == 0
            ? result with
            {
                Recommendation = UnusedRecommendation.Keep, Replacement = replacement, Proof = proof, CoversUsed = true,
                Why = $"Used ({used.Count} operation(s)); a role of only what was used, reads and data actions kept, grants the same catalog operations as {role.Name}.",
            }
            : result with
            {
                Recommendation = UnusedRecommendation.Replace, Replacement = replacement, Proof = proof, CoversUsed = true,
                Why = $"Used {used.Count} operation(s); replace {role.Name} by '{replacement.Name}', which grants {proof.OnlyInReference.Count} catalog operation(s) fewer, " +
                    "nothing more, and every operation used (reads and data actions kept)." +
                    (assignment.Condition is null ? string.Empty : " Give the new assignment this one's condition."),
            };
    }

    private static string Unlogged(int reads, int dataActions)
    {
        var parts = new List<string>();
        parts.Add(reads > 0 ? $"{reads} catalog read(s)" : "reads");
        if (dataActions > 0)
        {
            parts.Add($"{dataActions} data action(s)");
        }
        return string.Join(" and ", parts);
    }

    // [ACTLOG-OV]: the activity log holds write operations (PUT, POST, DELETE); a control-plane "…/read" is a GET.
    private static bool IsRead(string operation) => operation.EndsWith("/read", StringComparison.OrdinalIgnoreCase);

    // The same assignment gives the same role id on every run, so two answers of one log compare line by line.
    private static string StableId(string assignmentId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("AmlRbac unused " + assignmentId.ToLowerInvariant())).AsSpan(0, 16)).ToString("D");

    // [ACTLOG] caller: "Email address of the user who has performed the operation, the UPN claim, or SPN claim based on
    // availability": a user's UPN, a service principal's app id (or object id). Each is matched to the snapshot's principals.
    private static Dictionary<string, string> CallerIndex(Tenant tenant)
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in tenant.RoleAssignments)
        {
            index.TryAdd(assignment.PrincipalId, assignment.PrincipalId);
        }
        foreach (var principal in tenant.Principals)
        {
            index[principal.Id] = principal.Id;
            foreach (var name in new[] { principal.UserPrincipalName, principal.AppId })
            {
                if (!string.IsNullOrWhiteSpace(name))
                {
                    index.TryAdd(name, principal.Id);
                }
            }
        }
        return index;
    }

    private sealed class CallerKey : IEqualityComparer<(string Caller, string? Action, string Scope)>
    {
        public static readonly CallerKey Instance = new();

        public bool Equals((string Caller, string? Action, string Scope) x, (string Caller, string? Action, string Scope) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Caller, y.Caller)
            && StringComparer.OrdinalIgnoreCase.Equals(x.Action, y.Action)
            && StringComparer.OrdinalIgnoreCase.Equals(x.Scope, y.Scope);

        public int GetHashCode((string Caller, string? Action, string Scope) key) => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Caller),
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Action ?? string.Empty),
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Scope));
    }
}
