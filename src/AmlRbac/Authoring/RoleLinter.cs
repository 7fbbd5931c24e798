using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Authoring;

/// <summary>
/// Checks a role definition before anyone sends it to Azure and reports <see cref="RoleFinding"/>s by the
/// rules of <see cref="LintRules"/>. What a role grants is decided by the evaluator
/// (<see cref="AccessEvaluator.CheckRole"/>, <see cref="AccessEvaluator.GrantedOperations"/>); whether an entry
/// names something is decided by <see cref="CatalogCheck.Classify"/>.
/// </summary>
public sealed class RoleLinter
{
    private const string Actions = "Actions", NotActions = "NotActions", DataActions = "DataActions", NotDataActions = "NotDataActions";
    private const string AssignableScopes = "AssignableScopes";

    // The operations that let a holder change who has access. roleAssignments/write is what Owner ("including
    // the ability to assign roles"), User Access Administrator and Role Based Access Control Administrator
    // ("Manage access ... by assigning roles") add over other roles (builtin-roles.json); roleDefinitions/write
    // creates custom roles ([MLROLES], "Common scenarios", row "Create new custom role"), whose grants the holder
    // then chooses; elevateAccess/action makes its caller User Access Administrator at the root
    // (operations.tsv, from [OPS-GOV]: "Grants the caller User Access Administrator access at the tenant scope").
    private static readonly string[] EscalationOperations =
    {
        "Microsoft.Authorization/roleAssignments/write",
        "Microsoft.Authorization/roleDefinitions/write",
        "Microsoft.Authorization/elevateAccess/action",
    };

    // The Azure ML operations that return a secret, a key or a token, and what the holder gets with it. The list
    // is every Microsoft.MachineLearningServices entry of operations.tsv whose description says it lists, gets, reads
    // or retrieves secrets, keys or tokens (descriptions quoted); operations that write, delete, regenerate or resync
    // them return none. The other providers' secret operations (storage account keys ...) are not listed yet.
    // RoleLinterTests checks the list against the catalog descriptions, so a new catalog operation is not missed.
    // What each exposes follows the response of the operation in azure-rest-api-specs machinelearningservices
    // (ListWorkspaceKeysResult, ComputeSecrets, DatastoreSecrets, EndpointAuthKeys, EndpointAuthToken, ...).
    private static readonly Dictionary<string, string> SecretOperations = new(StringComparer.OrdinalIgnoreCase)
    {
        // "List secrets for a Machine Learning Services Workspace"
        ["Microsoft.MachineLearningServices/workspaces/listKeys/action"] = "the workspace's secrets: keys of its storage account, container registry and Application Insights",
        // "List Storage Account keys for a Machine Learning Services Workspace"
        ["Microsoft.MachineLearningServices/workspaces/listStorageAccountKeys/action"] = "the access keys of the workspace's storage account",
        // "Lists keys for batch inference endpoints ..."
        ["Microsoft.MachineLearningServices/workspaces/batchEndpoints/listKeys/action"] = "the keys that call batch endpoints",
        // "List secrets for compute resources ..."
        ["Microsoft.MachineLearningServices/workspaces/computes/listKeys/action"] = "the secrets of compute resources (such as AKS kubeconfigs, VM administrator credentials, Databricks tokens)",
        // "Gets the Machine Learning Services connection with secret values"
        ["Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action"] = "the secret values of workspace connections (API keys, passwords, tokens of connected services)",
        // "Lists datastore secrets ..."
        ["Microsoft.MachineLearningServices/workspaces/datastores/listsecrets/action"] = "the credentials of datastores (storage keys, SAS tokens, service principal secrets)",
        // "Lists keys for the Machine Learning Services endpoint"
        ["Microsoft.MachineLearningServices/workspaces/endpoints/listkeys/action"] = "the keys that call endpoints",
        // "Gets environments with secrets ..."
        ["Microsoft.MachineLearningServices/workspaces/environments/readSecrets/action"] = "the secrets of environments (such as container registry credentials)",
        // "List Azure Notebook Access Token for a Machine Learning Services Workspace"
        ["Microsoft.MachineLearningServices/workspaces/listNotebookAccessToken/read"] = "an access token to the workspace's notebooks",
        // "List Azure Notebook keys for a Machine Learning Services Workspace"
        ["Microsoft.MachineLearningServices/workspaces/listNotebookKeys/read"] = "the keys of the workspace's notebook storage",
        // "List secrets in Machine Learning Services Workspace(s)"
        ["Microsoft.MachineLearningServices/workspaces/metadata/listsecrets/action"] = "the secrets stored in the workspace",
        // "Gets secrets in Machine Learning Services Workspace(s)"
        ["Microsoft.MachineLearningServices/workspaces/metadata/secrets/read"] = "the secrets stored in the workspace",
        // "Retrieve auth token to score Online Endpoints ..."
        ["Microsoft.MachineLearningServices/workspaces/onlineEndpoints/token/action"] = "a token that calls online endpoints",
        // "Retrieve auth keys to score Online Endpoints ..."
        ["Microsoft.MachineLearningServices/workspaces/onlineEndpoints/listKeys/action"] = "the keys that call online endpoints",
        // "Lists the keys for the Machine Learning Service Workspaces Serverless Endpoint(s)"
        ["Microsoft.MachineLearningServices/workspaces/serverlessEndpoints/listKeys/action"] = "the keys that call serverless endpoints",
        // "Lists keys for ACI services ..."
        ["Microsoft.MachineLearningServices/workspaces/services/aci/listkeys/action"] = "the keys that call ACI web services",
        // "Lists keys for AKS services ..."
        ["Microsoft.MachineLearningServices/workspaces/services/aks/listkeys/action"] = "the keys that call AKS web services",
        // "Retrieve auth token or keys to score AKS services ..."
        ["Microsoft.MachineLearningServices/workspaces/services/aks/score/action"] = "a token or the keys that call AKS web services",
    };

    // The privileged administrator roles of azure-docs built-in-roles/privileged.md that the catalog holds.
    private static readonly string[] PrivilegedRoles = { "Owner", "Contributor", "User Access Administrator", "Role Based Access Control Administrator" };

    private readonly AccessEvaluator _evaluator;
    // What each catalog built-in role grants, and whether it reaches beyond the catalog's providers, worked out once
    // per linter for AMLR010 and AMLR016.
    private readonly Lazy<IReadOnlyList<(RoleDefinition Role, IReadOnlyList<int> Granted, bool Beyond)>> _builtInGrants;

    public RoleLinter(AccessEvaluator? evaluator = null)
    {
        _evaluator = evaluator ?? new AccessEvaluator(Tenant.Empty);
        _builtInGrants = new(() => Catalog.BuiltInRoles.Select(r => (r, _evaluator.GrantedOperations(r), _evaluator.GrantsOutsideCatalog(r))).ToList());
    }

    private AmlCatalog Catalog => _evaluator.Catalog;

    /// <summary>The findings for a role read from JSON: its syntax error, or the findings for the role.</summary>
    public IReadOnlyList<RoleFinding> Lint(RoleDocument document) =>
        document.SyntaxError is { } syntax ? new[] { syntax } : Lint(document.Role!);

    /// <summary>Every finding for the role, entry rules first, then what the role grants, then its scopes.</summary>
    public IReadOnlyList<RoleFinding> Lint(RoleDefinition role)
    {
        var findings = new List<RoleFinding>();
        var granted = _evaluator.GrantedOperations(role);
        for (var b = 0; b < role.Permissions.Count; b++)
        {
            var block = role.Permissions[b];
            findings.AddRange(CheckEntries(Actions, block.Actions, dataPlane: false));
            findings.AddRange(CheckEntries(NotActions, block.NotActions, dataPlane: false));
            findings.AddRange(CheckEntries(DataActions, block.DataActions, dataPlane: true));
            findings.AddRange(CheckEntries(NotDataActions, block.NotDataActions, dataPlane: true));
            findings.AddRange(CheckSubtractions(role, b, granted));
        }
        findings.AddRange(CheckEscalation(role));
        findings.AddRange(CheckSecrets(role));
        findings.AddRange(CheckBuiltInCopies(role, granted));
        findings.AddRange(CheckScopes(role));
        return findings;
    }

    private IEnumerable<RoleFinding> CheckEntries(string list, IReadOnlyList<string> entries, bool dataPlane)
    {
        var grants = list is Actions or DataActions;
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            // [CR] "Custom role limits": "You can have only one wildcard in an action string".
            if (entry.Count(c => c == '*') > 1)
            {
                yield return LintRules.MultipleWildcards.Finding(list, entry,
                    $"{list} entry '{entry}' has more than one '*'; Azure allows one wildcard in an action string and rejects the role.");
                continue;
            }
            if (grants && entry == "*")
            {
                yield return LintRules.WildcardAlone.Finding(list, entry,
                    $"{list} entry '*' grants every {(dataPlane ? "data" : "control-plane")} operation of every provider, including those added later; list the operations the role needs.");
                continue;
            }
            switch (CatalogCheck.Classify(Catalog, entry, dataPlane))
            {
                case CatalogFindingKind.Unmatched:
                    // An unmatched entry is of a provider the catalog lists: the names of that provider are the candidates.
                    var candidates = Catalog.OperationIndexesOf(entry.Split('/')[0]).Select(i => Catalog.Operations[i])
                        .Where(o => o.IsDataAction == dataPlane).Select(o => o.Name);
                    var rule = dataPlane ? LintRules.UnknownDataAction : LintRules.UnknownAction;
                    yield return rule.Finding(list, entry,
                        $"{list} entry '{entry}' matches no {entry.Split('/')[0]} {(dataPlane ? "data " : string.Empty)}operation, so it {(grants ? "grants" : "removes")} nothing.{Suggestions.DidYouMean(entry, candidates)}");
                    break;
                case CatalogFindingKind.WrongPlane:
                    yield return dataPlane
                        ? LintRules.ControlOperationInDataActions.Finding(list, entry,
                            $"{list} entry '{entry}' matches only control-plane operations; move it to {(grants ? Actions : NotActions)}.")
                        : LintRules.DataOperationInActions.Finding(list, entry,
                            $"{list} entry '{entry}' matches only data operations; move it to {(grants ? DataActions : NotDataActions)}.");
                    break;
                case CatalogFindingKind.OutsideCatalog:
                    yield return LintRules.OutsideCatalog.Finding(list, entry,
                        $"{list} entry '{entry}' is outside the catalog's providers ({OutsideWhat(entry)}); it is not checked.");
                    break;
            }
        }
    }

    // A NotActions entry subtracts something when the role without it grants more ([RD]: the role grants
    // Actions minus NotActions). Entries reported as unknown or outside the catalog are not judged again.
    private IEnumerable<RoleFinding> CheckSubtractions(RoleDefinition role, int blockIndex, IReadOnlyList<int> granted)
    {
        var block = role.Permissions[blockIndex];
        foreach (var (list, entries, dataPlane) in new[] { (NotActions, block.NotActions, false), (NotDataActions, block.NotDataActions, true) })
        {
            foreach (var entry in entries)
            {
                if (entry.Count(c => c == '*') > 1 || CatalogCheck.Classify(Catalog, entry, dataPlane) is not null)
                {
                    continue;
                }
                var without = dataPlane
                    ? block with { NotDataActions = entries.Where(e => !ReferenceEquals(e, entry)).ToList() }
                    : block with { NotActions = entries.Where(e => !ReferenceEquals(e, entry)).ToList() };
                var withoutRole = role with { Permissions = role.Permissions.Select((p, i) => i == blockIndex ? without : p).ToList() };
                if (_evaluator.GrantedOperations(withoutRole).SequenceEqual(granted))
                {
                    yield return LintRules.NotActionSubtractsNothing.Finding(list, entry,
                        $"{list} entry '{entry}' removes nothing: the {(dataPlane ? DataActions : Actions)} grant no operation it matches (or another {list} entry already removes them).");
                }
            }
        }
    }

    private IEnumerable<RoleFinding> CheckEscalation(RoleDefinition role)
    {
        foreach (var operation in EscalationOperations.Where(o => Catalog.IndexOfOperation(o) >= 0))
        {
            var decision = _evaluator.CheckRole(role, operation);
            if (decision.Outcome is Outcome.Allowed or Outcome.Conditional)
            {
                var pattern = decision.Reasons.FirstOrDefault(r => r.Kind is ReasonKind.Grant or ReasonKind.ConditionalGrant)?.Pattern;
                var condition = decision.Outcome == Outcome.Conditional ? " (under the block's condition)" : string.Empty;
                yield return LintRules.RoleAssignmentEscalation.Finding(Actions, pattern,
                    $"Actions entry '{pattern}' grants {operation}{condition}: {Catalog.FindOperation(operation)!.Description.TrimEnd('.')}. " +
                    "Whoever holds the role can give themselves or others any access at its scopes; remove it with a NotActions entry unless the role is meant to administer access.");
            }
        }
    }

    private IEnumerable<RoleFinding> CheckSecrets(RoleDefinition role)
    {
        var exposed = SecretOperations.Keys
            .Select(o => Catalog.IndexOfOperation(o))
            .Where(i => i >= 0)
            .Order()
            .Select(i => _evaluator.CheckRole(role, Catalog.Operations[i].Name))
            .Where(d => d.Outcome is Outcome.Allowed or Outcome.Conditional)
            .GroupBy(d => d.Reasons.FirstOrDefault(r => r.Kind is ReasonKind.Grant or ReasonKind.ConditionalGrant)?.Pattern ?? d.Action, StringComparer.OrdinalIgnoreCase);
        foreach (var byEntry in exposed)
        {
            var what = string.Join("; ", byEntry.Select(d => $"{d.Action} ({Catalog.FindOperation(d.Action)?.Description.TrimEnd('.')}: {SecretOperations[d.Action]})"));
            yield return LintRules.SecretAccess.Finding(Actions, byEntry.Key,
                $"Actions entry '{byEntry.Key}' exposes secrets or keys: {what}. Remove them with NotActions unless the role must read them.");
        }
    }

    // What an entry outside the catalog reaches: one provider the catalog does not list, or every provider by a wildcard.
    private string OutsideWhat(string entry) => new ActionPattern(entry).Provider is { } provider
        ? $"it lists {Catalog.Providers.Count}, not {provider}"
        : $"a wildcard over providers reaches those it does not list; it lists {Catalog.Providers.Count}";

    // A role that grants every catalog operation of a privileged built-in role is a custom copy of it
    // (AMLR010), whatever it adds. Any other built-in role is reported only when the role grants exactly its
    // operations (AMLR016): covering a narrow built-in such as Reader and much more is ordinary, and
    // "assign Reader instead" would be wrong advice.
    private IEnumerable<RoleFinding> CheckBuiltInCopies(RoleDefinition role, IReadOnlyList<int> granted)
    {
        foreach (var (builtIn, builtInGranted, beyond) in _builtInGrants.Value)
        {
            if (string.Equals(builtIn.Id, role.Id, StringComparison.OrdinalIgnoreCase) || builtInGranted.Count == 0)
            {
                continue;
            }
            var name = builtIn.Name;
            if (PrivilegedRoles.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                if (!builtInGranted.Except(granted).Any())
                {
                    yield return LintRules.CustomPrivilegedRole.Finding(null, null,
                        $"Role '{role.Name}' grants every catalog operation of the built-in role '{name}' under another name; assign '{name}' itself, so reviews of privileged roles find it, or remove what the role does not need.");
                }
            }
            // A built-in role that also grants operations of providers the catalog does not list is no copy of a role
            // that grants the same catalog operations: assigning it would give more.
            else if (!beyond && builtInGranted.SequenceEqual(granted))
            {
                yield return LintRules.BuiltInRoleCopy.Finding(null, null,
                    $"Role '{role.Name}' grants exactly the catalog operations of the built-in role '{name}': it duplicates it under another name; assign '{name}' instead, which Microsoft keeps up to date as operations are added.");
            }
        }
    }

    private IEnumerable<RoleFinding> CheckScopes(RoleDefinition role)
    {
        if (role.AssignableScopes.Count == 0)
        {
            yield return LintRules.NoAssignableScope.Finding(AssignableScopes, null,
                "The role has no assignable scope; give at least one management group, subscription, resource group or resource.");
            yield break;
        }
        var managementGroups = new List<string>();
        foreach (var text in role.AssignableScopes)
        {
            if (!Scope.TryParse(text, out var scope, out var error))
            {
                yield return LintRules.ScopeMalformed.Finding(AssignableScopes, text, $"Assignable scope '{text}' is not valid: {error}");
            }
            else if (scope.Level == ScopeLevel.Root)
            {
                // [CR] custom-roles.md: AssignableScopes of a custom role cannot be the root scope "/".
                yield return LintRules.RootScope.Finding(AssignableScopes, text,
                    "Assignable scope '/' (the root) is broader than any tenant needs and not allowed for a custom role; give the management groups, subscriptions or resource groups where it is used.");
            }
            else if (scope.Level == ScopeLevel.ManagementGroup)
            {
                managementGroups.Add(text);
            }
        }
        // [CR] "Custom role limits": one management group at most in AssignableScopes, and custom roles
        // with DataActions cannot be assigned at management group scope.
        if (managementGroups.Count > 1)
        {
            yield return LintRules.ManagementGroupScope.Finding(AssignableScopes, managementGroups[1],
                $"The role names {managementGroups.Count} management groups as assignable scopes; Azure allows one.");
        }
        if (managementGroups.Count > 0 && role.Permissions.Any(p => p.DataActions.Count > 0))
        {
            yield return LintRules.ManagementGroupScope.Finding(AssignableScopes, managementGroups[0],
                $"The role has DataActions and management group '{managementGroups[0]}' as an assignable scope; Azure does not allow a custom role with DataActions at management group scope.");
        }
    }
}
