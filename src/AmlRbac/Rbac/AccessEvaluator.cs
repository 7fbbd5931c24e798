using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>
/// The one Azure RBAC evaluator every cmdlet and the CLI call. Built once per tenant, then answers:
/// check (principal, operation, scope), what a role alone grants, effective access of a principal at a
/// scope, activities, and who-can. The order of the decision follows [OV] overview.md "How Azure RBAC
/// determines if a user has access to a resource": deny assignments that apply block access; otherwise
/// the role assignments of the principal and its groups (transitively) at the scope or above are
/// united; an operation is granted when a role grants it (Actions - NotActions, per block; data and
/// control decided separately); a grant under an ABAC condition is Conditional offline; a PIM eligible
/// assignment grants nothing until activated. NotActions are not denies ([RD]: "NotActions is not a
/// deny rule"): another role can grant what one role's NotActions leave out.
/// </summary>
public sealed class AccessEvaluator
{
    private static readonly AssignmentRef[] NoAssignments = Array.Empty<AssignmentRef>();

    private readonly ScopeTree _scopes;
    private readonly PrincipalDirectory _principals;
    private readonly Dictionary<string, CompiledRole> _rolesById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<CompiledRole>> _rolesByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly AssignmentRef[][] _byPrincipal;
    private readonly Dictionary<int, List<AssignmentRef>> _byScope = new();
    private readonly Dictionary<int, List<CompiledDeny>> _deniesByScope = new();
    private readonly Dictionary<int, List<MaybeMember>> _maybeMemberByScope = new();
    private readonly CompiledRole[] _builtInRoles;
    private readonly RoleSuggestion[]?[] _suggestionsByOperation;
    private readonly ConditionalWeakTable<RoleDefinition, CompiledRole> _adHocRoles = new();
    private readonly ConditionalWeakTable<Activity, (ResolvedAction Action, CheckLocation Where)[]> _activityOperations = new();
    private readonly ConcurrentDictionary<int, PrincipalGrants> _grants = new();
    private readonly Func<int, PrincipalGrants> _buildGrants;
    private readonly Dictionary<string, int> _operationIndex;
    private readonly ConcurrentDictionary<int, CompiledDeny[]> _deniesReaching = new();
    private readonly Func<int, CompiledDeny[]> _collectDenies;

    // A compiled role is immutable, so a catalog's built-in roles are compiled once and shared by every
    // evaluator built on that catalog (a cmdlet call, a test, each tenant of a differential test).
    private static readonly ConditionalWeakTable<AmlCatalog, CompiledRole[]> CompiledBuiltInRoles = new();
    // The catalog's operations by name, with the cheaper hash of ScopeTextComparer (the check's hot path).
    private static readonly ConditionalWeakTable<AmlCatalog, Dictionary<string, int>> OperationIndexes = new();

    public AccessEvaluator(Tenant tenant, AmlCatalog? catalog = null)
    {
        Tenant = tenant;
        Catalog = catalog ?? AmlCatalog.Default;
        _scopes = new ScopeTree(tenant.ManagementGroups);
        _principals = new PrincipalDirectory(tenant);

        // Built-in roles come from the catalog unless the source carries its own copy (newer data wins). A compiled
        // role works nothing out until it is asked about, so holding all of them costs little.
        _builtInRoles = CompiledBuiltInRoles.GetValue(Catalog, c => c.BuiltInRoles.Select(r => new CompiledRole(r, c)).ToArray());
        _buildGrants = BuildGrants;
        _collectDenies = CollectDenies;
        _operationIndex = OperationIndexes.GetValue(Catalog, c => c.Operations
            .Select((o, i) => (o.Name, i))
            .DistinctBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(x => x.Name, x => x.i, ScopeTextComparer.Instance));
        foreach (var role in _builtInRoles)
        {
            AddRole(role);
        }
        foreach (var definition in tenant.RoleDefinitions)
        {
            AddRole(new CompiledRole(definition, Catalog));
        }
        _suggestionsByOperation = new RoleSuggestion[]?[Catalog.Operations.Count];

        var byPrincipal = new List<List<AssignmentRef>>();
        foreach (var assignment in tenant.RoleAssignments)
        {
            var principal = _principals.Add(assignment.PrincipalId, assignment.PrincipalType);
            var scope = _scopes.Get(assignment.Scope);
            // Most sources write the bare GUID, which is found without normalising (and allocating).
            if (!_rolesById.TryGetValue(assignment.RoleDefinitionId, out var role))
            {
                _rolesById.TryGetValue(ObjectIds.NormalizeRoleDefinition(assignment.RoleDefinitionId), out role);
            }
            var reference = new AssignmentRef(assignment, principal, scope.Id, role,
                string.IsNullOrWhiteSpace(assignment.Condition) ? null : new ConditionGate(assignment.Condition));
            while (byPrincipal.Count <= principal)
            {
                byPrincipal.Add(new List<AssignmentRef>());
            }
            byPrincipal[principal].Add(reference);
            ListAt(_byScope, scope.Id).Add(reference);
        }
        foreach (var deny in tenant.DenyAssignments)
        {
            var scope = _scopes.Get(deny.Scope);
            ListAt(_deniesByScope, scope.Id).Add(new CompiledDeny(deny, scope.Id, _principals, Catalog));
        }
        _byPrincipal = new AssignmentRef[_principals.Count][];
        for (var i = 0; i < _byPrincipal.Length; i++)
        {
            _byPrincipal[i] = i < byPrincipal.Count && byPrincipal[i].Count > 0 ? byPrincipal[i].ToArray() : NoAssignments;
        }
        // Types are known only now (the assignments give them too): the assignments held by a group whose members the
        // source does not hold may apply to any other principal.
        foreach (var (scopeId, atScope) in _byScope)
        {
            foreach (var assignment in atScope)
            {
                if (_principals.UnheldMembership(assignment.Principal) is var group and >= 0)
                {
                    ListAt(_maybeMemberByScope, scopeId).Add(new MaybeMember(assignment, group));
                }
            }
        }
    }

    public Tenant Tenant { get; }

    public AmlCatalog Catalog { get; }

    // ---- Principals and roles -------------------------------------------------------------------

    /// <summary>
    /// The object id of a principal given by object id, or by user principal name, app id or display
    /// name when the source knows them. An unknown GUID is returned as is (a principal with no
    /// assignment is simply granted nothing); an unknown name is PrincipalNotFound; a name shared by
    /// several principals is PrincipalAmbiguous, listing them.
    /// </summary>
    public string ResolvePrincipal(string principal) => ResolvePrincipal(principal, out _);

    // The same, with the principal's number in the directory (-1 for an unknown GUID), so a check
    // looks the principal up once.
    private string ResolvePrincipal(string principal, out int index)
    {
        if (string.IsNullOrWhiteSpace(principal))
        {
            throw new AmlRbacException(ErrorIds.PrincipalNotFound, FailureCategory.InvalidArgument, "The principal is empty: give an object id, a user principal name, an app id or a display name.", principal);
        }
        if (_principals.TryFind(principal, out index))
        {
            return _principals.IdOf(index);
        }
        if (ObjectIds.IsGuid(principal))
        {
            var byAppId = _principals.FindByName(principal);
            index = byAppId.Count == 1 ? byAppId[0] : -1;
            return index >= 0 ? _principals.IdOf(index) : ObjectIds.NormalizePrincipal(principal);
        }
        var found = _principals.FindByName(principal);
        index = found.Count == 1 ? found[0] : -1;
        return found.Count switch
        {
            1 => _principals.IdOf(found[0]),
            0 => throw new AmlRbacException(ErrorIds.PrincipalNotFound, FailureCategory.ObjectNotFound,
                $"Principal '{principal}' is not in {Tenant.Source ?? "the source"}: give its object id, or a user principal name, app id or display name that the source lists.", principal),
            _ => throw new AmlRbacException(ErrorIds.PrincipalAmbiguous, FailureCategory.InvalidArgument,
                $"Principal '{principal}' matches {found.Count} principals: " +
                string.Join(", ", found.Select(i => $"{_principals.NameOf(i)} ({_principals.IdOf(i)}, {_principals.TypeOf(i)})")) + ". Give the object id.", principal),
        };
    }

    /// <summary>The display name the source gives a principal, if any.</summary>
    public string? DisplayNameOf(string principalId) =>
        _principals.TryFind(principalId, out var index) ? _principals.NameOf(index) : null;

    /// <summary>
    /// A role by name (case-insensitive) or id: the source's roles first, then the catalog's built-in roles; last, a
    /// built-in role by its former name (<see cref="AmlCatalog.RoleAliases"/>: "Azure AI User" is "Foundry User").
    /// </summary>
    public RoleDefinition? FindRole(string nameOrId)
    {
        var text = nameOrId.Trim();
        if (_rolesByName.TryGetValue(text, out var byName))
        {
            return byName[^1].Definition;
        }
        if (_rolesById.TryGetValue(ObjectIds.NormalizeRoleDefinition(text), out var byId))
        {
            return byId.Definition;
        }
        return Catalog.FindRoleAlias(text) is { } alias && _rolesById.TryGetValue(alias.RoleId, out var renamed) ? renamed.Definition : null;
    }

    /// <summary>A role by name or id, or RoleNotFound with the closest names.</summary>
    public RoleDefinition GetRole(string nameOrId) =>
        FindRole(nameOrId) ?? throw new AmlRbacException(ErrorIds.RoleNotFound, FailureCategory.ObjectNotFound,
            $"Role '{nameOrId}' is neither a built-in role nor a role of {Tenant.Source ?? "the source"}.{Suggestions.DidYouMean(nameOrId, _rolesByName.Keys)}", nameOrId);

    // ---- Check ----------------------------------------------------------------------------------

    /// <summary>
    /// The outcome alone, for one principal, operation and scope: the hot path (no reasons; no
    /// allocation for a catalog operation, a known principal and a scope seen before).
    /// </summary>
    public Outcome Decide(string principalId, string action, string scope, bool isDataAction = false) =>
        Decide(principalId, Resolve(action, isDataAction), _scopes.Get(scope));

    /// <summary>
    /// The outcome alone of an activity, decided where <see cref="CheckActivity"/> decides each of its operations and
    /// combined as it combines them, without reasons: the hot path of a question that asks many activities and explains few.
    /// </summary>
    public Outcome DecideActivity(string principalId, Activity activity, string scope, RelatedResources? related = null) =>
        ActivityDecision.Combine(PlacesOf(activity, _scopes.Get(scope).Scope, related)
            .Select(p => p.At is null ? Outcome.Unknown : Decide(principalId, p.Action, p.At)));

    private Outcome Decide(string principalId, ResolvedAction resolved, ScopeNode node)
    {
        var known = _principals.TryFind(principalId, out var principal);
        var closure = known ? _principals.Closure(principal) : Array.Empty<int>();
        if (FirstBlockingDeny(closure, node, resolved) is not null)
        {
            return Outcome.Denied;
        }
        var grants = known ? _grants.GetOrAdd(principal, _buildGrants) : PrincipalGrants.None;
        var best = Outcome.NotGranted;
        var couldBe = Outcome.NotGranted;
        foreach (var ancestor in node.Ancestors)
        {
            foreach (var position in grants.At(ancestor))
            {
                var assignment = grants[position].Assignment;
                if (assignment.Role is null)
                {
                    couldBe = OutcomeOrder.Stronger(couldBe, assignment.OutcomeOf(GrantKind.Unconditional, resolved.Name));
                    continue;
                }
                var grant = assignment.Role.Grant(resolved);
                if (grant == GrantKind.None)
                {
                    continue;
                }
                var outcome = assignment.OutcomeOf(grant, resolved.Name);
                if (outcome == Outcome.Allowed)
                {
                    return Outcome.Allowed;
                }
                best = OutcomeOrder.Stronger(best, outcome);
            }
        }
        if (_maybeMemberByScope.Count > 0)
        {
            foreach (var ancestor in node.Ancestors)
            {
                if (_maybeMemberByScope.TryGetValue(ancestor, out var maybe))
                {
                    foreach (var (assignment, _) in maybe)
                    {
                        if (Array.IndexOf(closure, assignment.Principal) < 0 && CouldGive(assignment, resolved) is { } outcome)
                        {
                            couldBe = OutcomeOrder.Stronger(couldBe, outcome);
                        }
                    }
                }
            }
        }
        return Settle(best, couldBe);
    }

    /// <summary>
    /// What is known settles the answer unless an assignment the source cannot judge could make it stronger: a role
    /// definition it does not hold, or a group whose members it does not hold. Then the answer is Unknown, never the
    /// weaker answer passed off as Azure's: a deny still denies (decided before), and Allowed stays Allowed.
    /// </summary>
    private static Outcome Settle(Outcome known, Outcome couldBe) =>
        OutcomeOrder.Stronger(known, couldBe) == known ? known : Outcome.Unknown;

    // The most an assignment could give the operation if it applied: with no role definition, anything its kind allows
    // (an eligible assignment only Eligible, a conditional one only Conditional); with one, what the role grants.
    private static Outcome? CouldGive(AssignmentRef assignment, in ResolvedAction action)
    {
        var grant = assignment.Role is null ? GrantKind.Unconditional : assignment.Role.Grant(action);
        return grant == GrantKind.None ? null : assignment.OutcomeOf(grant, action.Name);
    }

    private PrincipalGrants BuildGrants(int principal) =>
        new(_principals.Closure(principal)
            .SelectMany(member => _byPrincipal[member].Select(assignment => new Candidate(assignment, member)))
            .ToArray());

    /// <summary>The decision with its reasons for one principal, operation and scope.</summary>
    public Decision Check(string principal, string action, string scope, bool isDataAction = false)
    {
        var principalId = ResolvePrincipal(principal, out var index);
        return Explain(principalId, index, Resolve(action, isDataAction), _scopes.Get(scope));
    }

    // The candidates of one question, put back in closure order; reused per thread so that a warm
    // check allocates only its decision and reasons.
    [ThreadStatic]
    private static Candidate[]? t_candidates;

    // At most this many candidates are sorted on the stack; more (a principal holding hundreds of
    // assignments on one path) take an array.
    private const int StackPositions = 128;

    /// <summary>
    /// One question, the way Decide walks it: only the principal's assignments (and its groups') made at
    /// the scope or above, found through its grants by scope, then put back in closure order so the
    /// reasons come out as EffectiveAccess lists them.
    /// </summary>
    private Decision Explain(string principalId, int principal, ResolvedAction action, ScopeNode node)
    {
        var known = principal >= 0;
        var closure = known ? _principals.Closure(principal) : Array.Empty<int>();
        var grants = known ? _grants.GetOrAdd(principal, _buildGrants) : PrincipalGrants.None;
        var count = 0;
        foreach (var ancestor in node.Ancestors)
        {
            count += grants.At(ancestor).Length;
        }
        Span<int> positions = count <= StackPositions ? stackalloc int[count] : new int[count];
        var filled = 0;
        foreach (var ancestor in node.Ancestors)
        {
            var atScope = grants.At(ancestor);
            atScope.CopyTo(positions[filled..]);
            filled += atScope.Length;
        }
        positions.Sort();

        var buffer = t_candidates is { } reused && reused.Length >= count ? reused : t_candidates = new Candidate[Math.Max(count, 16)];
        var candidates = buffer.AsSpan(0, count);
        for (var i = 0; i < count; i++)
        {
            candidates[i] = grants[positions[i]];
        }
        try
        {
            return Explain(principalId, node, closure, _deniesReaching.GetOrAdd(node.Id, _collectDenies), candidates, action);
        }
        finally
        {
            candidates.Clear(); // hold no assignment of this tenant past the question
        }
    }

    /// <summary>
    /// What can bear on any question of one principal at one scope: its closure, the deny assignments
    /// at the scope or above, and the role assignments of it and its groups at the scope or above, in
    /// closure order (the principal's own first). Computed once for effective access.
    /// </summary>
    private Applicable ApplicableAt(string principalId, ScopeNode node)
    {
        var closure = ClosureOf(principalId);
        var denies = _deniesReaching.GetOrAdd(node.Id, _collectDenies);
        var assignments = new List<Candidate>();
        foreach (var member in closure)
        {
            foreach (var assignment in _byPrincipal[member])
            {
                if (node.IsAtOrBelow(assignment.ScopeId))
                {
                    assignments.Add(new Candidate(assignment, member));
                }
            }
        }
        return new Applicable(principalId, node, closure, denies, assignments.ToArray());
    }

    private Decision Explain(Applicable applicable, ResolvedAction action) =>
        Explain(applicable.PrincipalId, applicable.Node, applicable.Closure, applicable.Denies, applicable.Assignments, action);

    /// <summary>
    /// The decision from what bears on it: the deny assignments that deny the operation, then the
    /// candidates' grants, then their NotAction exclusions and unresolved roles, each group in the
    /// order given (closure order).
    /// </summary>
    private Decision Explain(string principalId, ScopeNode node, int[] closure, ReadOnlySpan<CompiledDeny> denies,
        ReadOnlySpan<Candidate> candidates, ResolvedAction action)
    {
        // One list in reason order, made on the first reason: denies, grants (inserted before the
        // others), others. A question with no reason allocates none.
        List<Reason>? reasons = null;
        foreach (var deny in denies)
        {
            if (deny.Denies(closure, node, action) is { } pattern)
            {
                (reasons ??= new List<Reason>()).Add(new Reason
                {
                    Kind = ReasonKind.BlockedByDeny,
                    Scope = deny.Source.Scope,
                    Pattern = pattern,
                    DenyAssignmentId = deny.Source.Id,
                    DenyAssignmentName = deny.Source.Name,
                });
            }
        }
        var denied = reasons is not null;
        var grantsEnd = reasons?.Count ?? 0;

        var self = closure.Length > 0 ? closure[0] : -1;
        var best = Outcome.NotGranted;
        var couldBe = Outcome.NotGranted;
        foreach (var (assignment, member) in candidates)
        {
            if (assignment.Role is null)
            {
                (reasons ??= new List<Reason>()).Add(AssignmentReason(ReasonKind.UnresolvedRole, assignment, null, member, self));
                couldBe = OutcomeOrder.Stronger(couldBe, assignment.OutcomeOf(GrantKind.Unconditional, action.Name));
                continue;
            }
            foreach (var block in assignment.Role.Blocks)
            {
                var grant = block.Grant(action);
                if (grant.Grants)
                {
                    var outcome = assignment.OutcomeOf(grant.Kind, action.Name);
                    best = OutcomeOrder.Stronger(best, outcome);
                    var kind = outcome switch
                    {
                        Outcome.Eligible => ReasonKind.EligibleGrant,
                        Outcome.Conditional => ReasonKind.ConditionalGrant,
                        _ => ReasonKind.Grant,
                    };
                    (reasons ??= new List<Reason>()).Insert(grantsEnd++, AssignmentReason(kind, assignment, grant.GrantedBy!.Text, member, self,
                        kind == ReasonKind.ConditionalGrant ? assignment.Gate?.Text ?? grant.Condition : null));
                }
                else if (grant.ExcludedBy is not null)
                {
                    (reasons ??= new List<Reason>()).Add(AssignmentReason(ReasonKind.ExcludedByNotAction, assignment, grant.ExcludedBy.Text, member, self));
                }
            }
        }

        if (_maybeMemberByScope.Count > 0)
        {
            foreach (var ancestor in node.Ancestors)
            {
                if (!_maybeMemberByScope.TryGetValue(ancestor, out var maybe))
                {
                    continue;
                }
                foreach (var (assignment, group) in maybe)
                {
                    if (Array.IndexOf(closure, assignment.Principal) < 0 && CouldGive(assignment, action) is { } outcome)
                    {
                        couldBe = OutcomeOrder.Stronger(couldBe, outcome);
                        (reasons ??= new List<Reason>()).Add(AssignmentReason(ReasonKind.MembershipUnknown, assignment,
                            assignment.Role?.Blocks.Select(b => b.Grant(action).GrantedBy?.Text).FirstOrDefault(t => t is not null), group, self));
                    }
                }
            }
        }

        var outcomeOverall = denied ? Outcome.Denied : Settle(best, couldBe);
        return new Decision
        {
            Outcome = outcomeOverall,
            PrincipalId = principalId,
            Action = action.Name,
            Scope = node.Scope.Value,
            IsDataAction = action.IsDataAction,
            Reasons = (IReadOnlyList<Reason>?)reasons ?? Array.Empty<Reason>(),
            WouldBeGrantedBy = outcomeOverall == Outcome.Allowed ? Array.Empty<RoleSuggestion>() : SuggestionsFor(action),
        };
    }

    // A reason about one assignment; the group it came through is named unless the principal holds it directly.
    private Reason AssignmentReason(ReasonKind kind, AssignmentRef assignment, string? pattern, int member, int self, string? condition = null) => new()
    {
        Kind = kind,
        AssignmentId = assignment.Source.Id,
        RoleDefinitionId = assignment.Role?.Definition.Id ?? ObjectIds.NormalizeRoleDefinition(assignment.Source.RoleDefinitionId),
        RoleName = assignment.Role?.Definition.Name,
        Scope = assignment.Source.Scope,
        Pattern = pattern,
        ViaGroupId = member == self ? null : _principals.IdOf(member),
        ViaGroupName = member == self ? null : _principals.NameOf(member),
        Condition = condition,
    };

    // ---- What a role alone grants ---------------------------------------------------------------

    /// <summary>What a role grants by itself, with no principal and no scope: Allowed, Conditional or NotGranted.</summary>
    public Decision CheckRole(RoleDefinition role, string action, bool isDataAction = false) =>
        ExplainRole(Compile(role), Resolve(action, isDataAction));

    private Decision ExplainRole(CompiledRole role, ResolvedAction action)
    {
        var reasons = new List<Reason>();
        var best = GrantKind.None;
        foreach (var block in role.Blocks)
        {
            var grant = block.Grant(action);
            if (grant.Grants)
            {
                best = grant.Kind > best ? grant.Kind : best;
                reasons.Add(new Reason
                {
                    Kind = grant.Kind == GrantKind.Conditional ? ReasonKind.ConditionalGrant : ReasonKind.Grant,
                    RoleDefinitionId = role.Definition.Id,
                    RoleName = role.Definition.Name,
                    Pattern = grant.GrantedBy!.Text,
                    Condition = grant.Condition,
                });
            }
            else if (grant.ExcludedBy is not null)
            {
                reasons.Add(new Reason
                {
                    Kind = ReasonKind.ExcludedByNotAction,
                    RoleDefinitionId = role.Definition.Id,
                    RoleName = role.Definition.Name,
                    Pattern = grant.ExcludedBy.Text,
                });
            }
        }
        var outcome = best switch
        {
            GrantKind.Unconditional => Outcome.Allowed,
            GrantKind.Conditional => Outcome.Conditional,
            _ => Outcome.NotGranted,
        };
        return new Decision
        {
            Outcome = outcome,
            RoleName = role.Definition.Name,
            Action = action.Name,
            IsDataAction = action.IsDataAction,
            Reasons = reasons.OrderBy(r => r.Kind).ToList(),
            WouldBeGrantedBy = outcome == Outcome.Allowed ? Array.Empty<RoleSuggestion>() : SuggestionsFor(action),
        };
    }

    // ---- Effective access and activities --------------------------------------------------------

    /// <summary>
    /// A decision for every catalog operation of the given providers (every provider when null), for one principal at
    /// one scope, in catalog order.
    /// </summary>
    public IReadOnlyList<Decision> EffectiveAccess(string principal, string scope, IReadOnlyCollection<string>? providers = null)
    {
        var principalId = ResolvePrincipal(principal);
        var node = _scopes.Get(scope);
        var applicable = ApplicableAt(principalId, node);
        return OperationsOfProviders(providers).Select(i =>
        {
            var operation = Catalog.Operations[i];
            return Explain(applicable, new ResolvedAction(operation.Name, i, operation.IsDataAction));
        }).ToList();
    }

    /// <summary>
    /// What a role alone grants over every catalog operation of the given providers (every provider when null), in
    /// catalog order: the listing for a role definition piped alone, as <see cref="EffectiveAccess"/> is for a principal.
    /// </summary>
    public IReadOnlyList<Decision> RoleAccess(RoleDefinition role, IReadOnlyCollection<string>? providers = null)
    {
        var compiled = Compile(role);
        return OperationsOfProviders(providers).Select(i =>
        {
            var operation = Catalog.Operations[i];
            return ExplainRole(compiled, new ResolvedAction(operation.Name, i, operation.IsDataAction));
        }).ToList();
    }

    // The catalog operations of the given providers (all when null), by index, ascending.
    private IEnumerable<int> OperationsOfProviders(IReadOnlyCollection<string>? providers) =>
        providers is null
            ? Enumerable.Range(0, Catalog.Operations.Count)
            : providers.SelectMany(Catalog.OperationIndexesOf).Distinct().Order();

    /// <summary>
    /// The catalog operations (by index, ascending) that a role alone grants, with or without a condition: what
    /// comparing roles and proving a compact role compare.
    /// </summary>
    public IReadOnlyList<int> GrantedOperations(RoleDefinition role) => Compile(role).GrantedIndexes();

    /// <summary>Whether a role also grants operations of providers the catalog does not list (or of every provider, by a wildcard).</summary>
    public bool GrantsOutsideCatalog(RoleDefinition role) => Compile(role).ReachesBeyondCatalog;

    /// <summary>
    /// Whether a principal can carry out an activity at a scope: every required operation allowed where Azure checks
    /// it (<see cref="Activity.WhereChecked"/>): the workspace, its resource group or subscription, the scope asked, or
    /// a related resource the question names in <paramref name="related"/>. An operation checked on a related
    /// resource of a kind the question names none of is Unknown, so the activity is never Allowed on a guess; one
    /// checked on several named resources of its kind is decided on each.
    /// </summary>
    public ActivityDecision CheckActivity(string principal, Activity activity, string scope, RelatedResources? related = null)
    {
        var principalId = ResolvePrincipal(principal, out var index);
        var asked = _scopes.Get(scope).Scope;
        var operations = PlacesOf(activity, asked, related).Select(p => p.At is { } at
            ? CheckedAt(Explain(principalId, index, p.Action, at), p.Where, asked)
            : new Decision
            {
                Outcome = Outcome.Unknown,
                PrincipalId = principalId,
                Action = p.Action.Name,
                IsDataAction = p.Action.IsDataAction,
                Reasons = new[] { new Reason { Kind = ReasonKind.RelatedResourceNotNamed, CheckedAt = p.Where.Name } },
            }).ToList();
        var scopes = operations.Select(d => d.Scope).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new ActivityDecision
        {
            Activity = activity,
            Outcome = ActivityDecision.Combine(operations.Select(d => d.Outcome)),
            PrincipalId = principalId,
            Scope = scopes.Count == 1 && operations.All(d => d.Scope is not null) ? scopes[0] : asked.Value,
            Operations = operations,
        };
    }

    // Where each of an activity's operations is decided for a question at asked: the scope Azure checks it at (once per
    // related resource named), or no scope when it is checked on a related resource the question does not name.
    private IEnumerable<(ResolvedAction Action, CheckLocation Where, ScopeNode? At)> PlacesOf(Activity activity, Scope asked, RelatedResources? related)
    {
        foreach (var (action, where) in OperationsOf(activity))
        {
            if (where.ScopeFor(asked) is { } at)
            {
                yield return (action, where, _scopes.Get(at.Value));
                continue;
            }
            var named = (related ?? RelatedResources.None).Of(where.Resource!);
            if (named.Count == 0)
            {
                yield return (action, where, null);
            }
            foreach (var resource in named)
            {
                yield return (action, where, _scopes.Get(resource.Value));
            }
        }
    }

    // A decision made somewhere other than the scope asked says where and why ("checked at the subscription").
    private static Decision CheckedAt(Decision decision, CheckLocation where, Scope asked) =>
        decision.Scope is { } at && !string.Equals(at, asked.Value, StringComparison.OrdinalIgnoreCase)
            ? decision with { Reasons = decision.Reasons.Append(new Reason { Kind = ReasonKind.CheckedElsewhere, CheckedAt = where.Name, Scope = at }).ToList() }
            : decision;

    /// <summary>Whether a role alone covers an activity.</summary>
    public ActivityDecision CheckRoleActivity(RoleDefinition role, Activity activity)
    {
        var compiled = Compile(role);
        var operations = OperationsOf(activity).Select(a => ExplainRole(compiled, a.Action)).ToList();
        return new ActivityDecision
        {
            Activity = activity,
            Outcome = ActivityDecision.Combine(operations.Select(d => d.Outcome)),
            RoleName = role.Name,
            Operations = operations,
        };
    }

    /// <summary>A decision for every catalog activity, for one principal at one scope, with the related resources named.</summary>
    public IReadOnlyList<ActivityDecision> EffectiveActivities(string principal, string scope, RelatedResources? related = null) =>
        Catalog.Activities.Select(a => CheckActivity(principal, a, scope, related)).ToList();

    // The operations an activity requires, each with where Azure checks it: its exact entries, and for a wildcard
    // entry every catalog operation it covers. A wildcard of a provider the catalog does not list is kept as written
    // and decided as if it were one operation: a role covers it when its patterns cover that text.
    private (ResolvedAction Action, CheckLocation Where)[] OperationsOf(Activity activity) => _activityOperations.GetValue(activity, a =>
    {
        var result = new List<(ResolvedAction, CheckLocation)>();
        void AddAll(IEnumerable<string> entries, bool isData)
        {
            foreach (var entry in entries)
            {
                var pattern = new ActionPattern(entry);
                var matched = Catalog.Operations
                    .Select((o, i) => (o, i))
                    .Where(x => x.o.IsDataAction == isData && pattern.Matches(x.o.Name))
                    .Select(x => new ResolvedAction(x.o.Name, x.i, isData))
                    .ToList();
                var where = a.WhereChecked(entry);
                result.AddRange((matched.Count > 0 ? matched : new List<ResolvedAction> { new(pattern.Text, -1, isData) }).Select(r => (r, where)));
            }
        }
        AddAll(a.Actions, isData: false);
        AddAll(a.DataActions, isData: true);
        return result.DistinctBy(r => r.Item1.Name, StringComparer.OrdinalIgnoreCase).ToArray();
    });

    // ---- Reach: one principal over many scopes --------------------------------------------------

    /// <summary>
    /// For one principal and each of <paramref name="scopes"/> (the result is in their order), the catalog operations of
    /// the providers (every provider when null) that reach it there (<see cref="OutcomeOrder.Reaches"/>), in catalog
    /// order, each decision as <see cref="EffectiveAccess"/> makes it. A scope that no assignment of the principal or its
    /// groups applies to is passed over without evaluating anything; scopes that the same assignments apply to and no deny
    /// assignment reaches share one evaluation (their decisions differ only in their scope). So a principal's reach over
    /// thousands of resources costs one evaluation per distinct set of assignments, not one per resource and operation.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Decision>> ReachAcross(string principal, IReadOnlyList<string> scopes, IReadOnlyCollection<string>? providers = null) =>
        ReachAcross(principal, scopes, OperationsOfProviders(providers)
            .Select(i => new ResolvedAction(Catalog.Operations[i].Name, i, Catalog.Operations[i].IsDataAction))
            .ToArray());

    /// <summary>The same over the operations <paramref name="requiredBy"/> require, each once, in the activities' order.</summary>
    public IReadOnlyList<IReadOnlyList<Decision>> ReachAcross(string principal, IReadOnlyList<string> scopes, IReadOnlyList<Activity> requiredBy) =>
        ReachAcross(principal, scopes, requiredBy.SelectMany(OperationsOf).Select(o => o.Action).DistinctBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToArray());

    private IReadOnlyList<IReadOnlyList<Decision>> ReachAcross(string principal, IReadOnlyList<string> scopes, ResolvedAction[] operations)
    {
        var principalId = ResolvePrincipal(principal, out var index);
        var grants = index >= 0 ? _grants.GetOrAdd(index, _buildGrants) : PrincipalGrants.None;
        var shared = new Dictionary<string, (ScopeNode Node, Decision[] Reached)>();
        return scopes.Select(scope =>
        {
            var node = _scopes.Get(scope);
            if (ShareKey(grants, node) is not { } key)
            {
                return (IReadOnlyList<Decision>)Array.Empty<Decision>();
            }
            if (!shared.TryGetValue(key, out var evaluated))
            {
                var applicable = ApplicableAt(principalId, node);
                var reached = operations
                    .Select(o => Explain(applicable, o))
                    .Where(d => OutcomeOrder.Reaches(d.Outcome))
                    .ToArray();
                shared[key] = evaluated = (node, reached);
            }
            return ReScoped(evaluated.Reached, evaluated.Node, node);
        }).ToList();
    }

    /// <summary>
    /// For one principal and each of <paramref name="scopes"/> (in their order), the activities that reach it there, each
    /// decided as <see cref="CheckActivity"/> decides it (each operation where Azure checks it: quota at the subscription,
    /// a studio deployment's template at the resource group). A scope that no assignment of the principal or its groups
    /// applies to, at it or above, is passed over without evaluating anything: none of its activities can reach it.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ActivityDecision>> ReachingActivitiesAcross(string principal, IReadOnlyList<string> scopes, IReadOnlyList<Activity> activities)
    {
        var principalId = ResolvePrincipal(principal, out var index);
        var grants = index >= 0 ? _grants.GetOrAdd(index, _buildGrants) : PrincipalGrants.None;
        return scopes.Select(scope => ShareKey(grants, _scopes.Get(scope)) is null
            ? Array.Empty<ActivityDecision>()
            : (IReadOnlyList<ActivityDecision>)activities
                .Select(activity => CheckActivity(principalId, activity, scope))
                .Where(d => OutcomeOrder.Reaches(d.Outcome))
                .ToList()).ToList();
    }

    // Null when no assignment of the principal's closure applies at the node, so nothing can reach it there; otherwise
    // the positions of those that do and, when a deny assignment reaches the node, the node itself: a deny decides per
    // scope (DoNotApplyToChildScopes, and whom it names), so only scopes no deny reaches share an evaluation.
    private string? ShareKey(PrincipalGrants grants, ScopeNode node)
    {
        var positions = new List<int>();
        foreach (var ancestor in node.Ancestors)
        {
            foreach (var position in grants.At(ancestor))
            {
                positions.Add(position);
            }
        }
        if (positions.Count == 0)
        {
            return null;
        }
        positions.Sort();
        var key = string.Join(',', positions);
        return _deniesReaching.GetOrAdd(node.Id, _collectDenies).Length > 0 ? key + "@" + node.Id : key;
    }

    // Decisions evaluated at one scope, said of another that the same assignments (and no deny) reach.
    private static IReadOnlyList<Decision> ReScoped(IReadOnlyList<Decision> decisions, ScopeNode evaluatedAt, ScopeNode node) =>
        evaluatedAt.Id == node.Id ? decisions : decisions.Select(d => d with { Scope = node.Scope.Value }).ToArray();

    // ---- Who can --------------------------------------------------------------------------------

    /// <summary>
    /// Every principal for whom an operation is Allowed, Conditional, Eligible or Unknown at a scope: holders of
    /// assignments at the scope or above whose role grants it or is not in the source (Unknown: it may grant it),
    /// and the members of such groups. The members of a group the source holds no members of cannot be listed; the
    /// group itself is.
    /// </summary>
    public IReadOnlyList<AccessHolder> WhoCan(string action, string scope, bool isDataAction = false)
    {
        var resolved = Resolve(action, isDataAction);
        var node = _scopes.Get(scope);
        return HoldersAt(node, assignment => assignment.Role is null || assignment.Role.Grant(resolved) != GrantKind.None)
            .Select(p => new AccessHolder
            {
                PrincipalId = _principals.IdOf(p),
                PrincipalType = _principals.TypeOf(p),
                DisplayName = _principals.NameOf(p),
                Decision = Explain(ApplicableAt(_principals.IdOf(p), node), resolved),
            })
            // A holder the source cannot rule out (an unheld role definition or group membership) is listed as Unknown.
            .Where(h => OutcomeOrder.Reaches(h.Decision.Outcome) || h.Decision.Outcome == Outcome.Unknown)
            .OrderBy(h => h.Decision.Outcome, OutcomeOrder.StrongestFirst)
            .ThenBy(h => h.DisplayName ?? h.PrincipalId, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// Every principal whose access at a scope any role assignment bears on: the holders of assignments at the scope
    /// or above (active or eligible, whatever their role) and the members, transitively, of such groups; by display
    /// name, then id. The principals an access report of the scope lists.
    /// </summary>
    public IReadOnlyList<Principal> PrincipalsAt(string scope) =>
        HoldersAt(_scopes.Get(scope), _ => true)
            .Select(p => new Principal { Id = _principals.IdOf(p), Type = _principals.TypeOf(p), DisplayName = _principals.NameOf(p) })
            .OrderBy(p => p.DisplayName ?? p.Id, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>
    /// The groups a principal belongs to in this source, directly or through nesting ([OV] step 1: the token "includes
    /// the user's group memberships (including transitive group memberships)"), by object id; empty when the source
    /// does not know the principal.
    /// </summary>
    public IReadOnlyList<string> GroupsOf(string principalId) => ClosureOf(principalId).Skip(1).Select(_principals.IdOf).ToList();

    /// <summary>Everyone inside a group in this source, through nesting (the group itself excluded), by object id.</summary>
    public IReadOnlyList<string> MembersOf(string groupId) =>
        _principals.TryFind(groupId, out var index) ? _principals.TransitiveMembers(index).Select(_principals.IdOf).ToList() : Array.Empty<string>();

    /// <summary>
    /// The deny assignments that reach a scope, nearest first: those at it, and those above it that apply to child
    /// scopes (the rule of <see cref="CompiledDeny"/>). Whom each denies what is the evaluator's to decide per question.
    /// </summary>
    public IReadOnlyList<DenyAssignment> DenyAssignmentsAt(string scope)
    {
        var node = _scopes.Get(scope);
        return _deniesReaching.GetOrAdd(node.Id, _collectDenies).Where(d => d.Reaches(node)).Select(d => d.Source).ToList();
    }

    /// <summary>
    /// True when <paramref name="scope"/> is <paramref name="ancestor"/> or below it, management groups placed by the
    /// tenant's hierarchy (a subscription is below the management group that holds it). Throws ScopeInvalid.
    /// </summary>
    public bool IsAtOrBelow(string scope, string ancestor) => _scopes.Get(scope).IsAtOrBelow(_scopes.Get(ancestor).Id);

    // The principals holding an assignment at the node or above that `bears` selects, with the groups' members.
    private HashSet<int> HoldersAt(ScopeNode node, Func<AssignmentRef, bool> bears)
    {
        var holders = new HashSet<int>();
        foreach (var ancestor in node.Ancestors)
        {
            if (!_byScope.TryGetValue(ancestor, out var atScope))
            {
                continue;
            }
            foreach (var assignment in atScope.Where(bears))
            {
                holders.Add(assignment.Principal);
                holders.UnionWith(_principals.TransitiveMembers(assignment.Principal));
            }
        }
        return holders;
    }

    // ---- Shared parts ---------------------------------------------------------------------------

    private ResolvedAction Resolve(string action, bool isDataAction)
    {
        // Fast path: an exact catalog operation needs no validation and allocates nothing.
        if (_operationIndex.TryGetValue(action, out var index))
        {
            index = Catalog.KindOf(index, isDataAction);
            var operation = Catalog.Operations[index];
            return new ResolvedAction(operation.Name, index, operation.IsDataAction);
        }
        return ResolvedAction.Resolve(action, isDataAction, Catalog);
    }

    private int[] ClosureOf(string principalId) =>
        _principals.TryFind(principalId, out var index) ? _principals.Closure(index) : Array.Empty<int>();

    private string? FirstBlockingDeny(int[] closure, ScopeNode node, in ResolvedAction action)
    {
        foreach (var deny in _deniesReaching.GetOrAdd(node.Id, _collectDenies))
        {
            if (deny.Denies(closure, node, action) is { } pattern)
            {
                return pattern;
            }
        }
        return null;
    }

    // The deny assignments at a scope and above it, nearest first (one lookup per check, not one per ancestor).
    private CompiledDeny[] CollectDenies(int nodeId) =>
        _scopes[nodeId].Ancestors
            .SelectMany(ancestor => _deniesByScope.TryGetValue(ancestor, out var atScope) ? atScope : Enumerable.Empty<CompiledDeny>())
            .ToArray();

    // The advice is the narrowest roles: with every built-in role in the catalog, hundreds grant a common operation
    // (278 grant Microsoft.Resources/deployments/write), and past the first few each is broader than the last.
    public const int MaxSuggestions = 10;

    private RoleSuggestion[] SuggestionsFor(ResolvedAction action)
    {
        if (action.CatalogIndex >= 0 && _suggestionsByOperation[action.CatalogIndex] is { } cached)
        {
            return cached;
        }
        // Every built-in role is looked at by matching its entries (working out each one's answers for the whole
        // catalog would cost far more); only those that grant the operation are measured. A role that also reaches
        // providers the catalog does not list is broader than its count, so it comes after every role measured whole.
        var suggestions = _builtInRoles
            .Where(r => r.BestOfBlocks(action) == GrantKind.Unconditional)
            .Select(r => new RoleSuggestion(r.Definition.Id, r.Definition.Name, r.GrantedOperationCount) { GrantsOutsideCatalog = r.ReachesBeyondCatalog })
            .OrderBy(r => r.GrantsOutsideCatalog)
            .ThenBy(r => r.GrantedOperationCount)
            .ThenBy(r => r.RoleName, StringComparer.OrdinalIgnoreCase)
            .Take(MaxSuggestions)
            .ToArray();
        if (action.CatalogIndex >= 0)
        {
            _suggestionsByOperation[action.CatalogIndex] = suggestions;
        }
        return suggestions;
    }

    private CompiledRole Compile(RoleDefinition role) =>
        _rolesById.TryGetValue(role.Id, out var known) && ReferenceEquals(known.Definition, role)
            ? known
            : _adHocRoles.GetValue(role, r => new CompiledRole(r, Catalog));

    private void AddRole(CompiledRole role)
    {
        _rolesById[role.Definition.Id] = role;
        if (!_rolesByName.TryGetValue(role.Definition.Name, out var list))
        {
            _rolesByName[role.Definition.Name] = list = new List<CompiledRole>();
        }
        list.Add(role);
    }

    private static List<T> ListAt<T>(Dictionary<int, List<T>> map, int key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<T>();
        }
        return list;
    }
}

/// <summary>What bears on the questions of one principal at one scope (see ApplicableAt).</summary>
internal sealed record Applicable(string PrincipalId, ScopeNode Node, int[] Closure, CompiledDeny[] Denies, Candidate[] Assignments);

/// <summary>A role assignment as indexed: who holds it, where, which role, and its condition.</summary>
internal sealed record AssignmentRef(RoleAssignment Source, int Principal, int ScopeId, CompiledRole? Role, ConditionGate? Gate)
{
    public Outcome OutcomeOf(GrantKind grant, string operation)
    {
        if (Source.IsEligible)
        {
            return Outcome.Eligible;
        }
        return grant == GrantKind.Conditional || Gate?.Restricts(operation) == true ? Outcome.Conditional : Outcome.Allowed;
    }
}

/// <summary>
/// An assignment held by a group whose members the source does not hold, so it may apply to a principal the source
/// cannot place in the group: <see cref="Group"/> is that group (the holder, or a group nested in it).
/// </summary>
internal readonly record struct MaybeMember(AssignmentRef Assignment, int Group);
