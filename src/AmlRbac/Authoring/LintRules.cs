namespace AmlRbac.Authoring;

/// <summary>One rule of <see cref="RoleLinter"/>: the stable id, the name and the severity of its findings.</summary>
public sealed record LintRule(string Id, string Name, FindingSeverity Severity, string Description)
{
    public RoleFinding Finding(string? list, string? entry, string message) =>
        new() { Id = Id, Rule = Name, Severity = Severity, List = list, Entry = entry, Message = message };
}

/// <summary>
/// The rules, with their ids: a contract (scripts filter on them). Extend, never renumber.
/// docs/New-AmlCustomRole.md lists them; a test checks each one has a failing and a passing case.
/// </summary>
public static class LintRules
{
    public static readonly LintRule JsonSyntax = new("AMLR000", "JsonSyntax", FindingSeverity.Error,
        "The document is not valid JSON (for example a trailing comma); the finding gives line and column.");
    public static readonly LintRule UnknownAction = new("AMLR001", "UnknownAction", FindingSeverity.Error,
        "An Actions or NotActions entry matches no operation of a provider the catalog lists in full: Azure accepts it and it grants or removes nothing.");
    public static readonly LintRule UnknownDataAction = new("AMLR002", "UnknownDataAction", FindingSeverity.Error,
        "The same for a DataActions or NotDataActions entry.");
    public static readonly LintRule NotActionSubtractsNothing = new("AMLR003", "NotActionSubtractsNothing", FindingSeverity.Warning,
        "A NotActions (NotDataActions) entry removes no catalog operation that the Actions (DataActions) grant.");
    public static readonly LintRule MultipleWildcards = new("AMLR004", "MultipleWildcards", FindingSeverity.Error,
        "An entry holds more than one '*': Azure rejects the role.");
    public static readonly LintRule WildcardAlone = new("AMLR005", "WildcardAlone", FindingSeverity.Warning,
        "An entry is '*' alone: every operation of every provider, present and future.");
    public static readonly LintRule DataOperationInActions = new("AMLR006", "DataOperationInActions", FindingSeverity.Error,
        "An Actions or NotActions entry matches only data operations: it belongs under DataActions or NotDataActions.");
    public static readonly LintRule ControlOperationInDataActions = new("AMLR007", "ControlOperationInDataActions", FindingSeverity.Error,
        "A DataActions or NotDataActions entry matches only control operations: it belongs under Actions or NotActions.");
    public static readonly LintRule RoleAssignmentEscalation = new("AMLR008", "RoleAssignmentEscalation", FindingSeverity.Warning,
        "The role can write role assignments or role definitions (or elevate access): whoever holds it can give themselves any access.");
    public static readonly LintRule SecretAccess = new("AMLR009", "SecretAccess", FindingSeverity.Warning,
        "The role can read secrets, keys or tokens (listKeys, listSecrets, readSecrets, metadata/secrets/read, notebook keys and access tokens, endpoint scoring tokens); the finding names what they expose.");
    public static readonly LintRule CustomPrivilegedRole = new("AMLR010", "CustomPrivilegedRole", FindingSeverity.Warning,
        "The role grants every catalog operation of a privileged built-in role (Owner, Contributor, User Access Administrator, Role Based Access Control Administrator) under another name.");
    public static readonly LintRule ScopeMalformed = new("AMLR011", "ScopeMalformed", FindingSeverity.Error,
        "An assignable scope is not a management group, subscription, resource group or resource id.");
    public static readonly LintRule RootScope = new("AMLR012", "RootScope", FindingSeverity.Error,
        "An assignable scope is the root '/': broader than any tenant needs, and not allowed for a custom role.");
    public static readonly LintRule ManagementGroupScope = new("AMLR013", "ManagementGroupScope", FindingSeverity.Error,
        "More than one management group in the assignable scopes, or a management group with DataActions: Azure rejects both.");
    public static readonly LintRule NoAssignableScope = new("AMLR014", "NoAssignableScope", FindingSeverity.Error,
        "The role has no assignable scope: Azure rejects it.");
    public static readonly LintRule OutsideCatalog = new("AMLR015", "OutsideCatalog", FindingSeverity.Information,
        "An entry belongs to a provider the catalog does not list in full, so it is not checked.");
    public static readonly LintRule BuiltInRoleCopy = new("AMLR016", "BuiltInRoleCopy", FindingSeverity.Information,
        "The role grants exactly the catalog operations of a built-in role that is not privileged (such as AzureML Data Scientist): it duplicates it under another name.");

    public static IReadOnlyList<LintRule> All { get; } = new[]
    {
        JsonSyntax, UnknownAction, UnknownDataAction, NotActionSubtractsNothing, MultipleWildcards, WildcardAlone,
        DataOperationInActions, ControlOperationInDataActions, RoleAssignmentEscalation, SecretAccess, CustomPrivilegedRole,
        ScopeMalformed, RootScope, ManagementGroupScope, NoAssignableScope, OutsideCatalog, BuiltInRoleCopy,
    };
}
