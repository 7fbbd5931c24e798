namespace AmlRbac.Model;

/// <summary>
/// The one exception the engine throws for bad input or a failed source. Hosts turn it into
/// a PowerShell ErrorRecord (ErrorId + category) or one plain line on stderr with exit code 2.
/// </summary>
public sealed class AmlRbacException : Exception
{
    public AmlRbacException(string errorId, FailureCategory category, string message, object? target = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Category = category;
        Target = target;
    }

    /// <summary>A stable identifier from <see cref="ErrorIds"/>; scripts and tests match on it.</summary>
    public string ErrorId { get; }

    /// <summary>What kind of failure this is; the names are those of PowerShell's ErrorCategory.</summary>
    public FailureCategory Category { get; }

    /// <summary>The input that was wrong (a path, a scope, a principal id ...).</summary>
    public object? Target { get; }
}

/// <summary>
/// Failure kinds. Each name is a member of System.Management.Automation.ErrorCategory so the
/// cmdlets can map it by name, without the engine referencing PowerShell.
/// </summary>
public enum FailureCategory
{
    NotSpecified,
    InvalidArgument,
    InvalidData,
    ObjectNotFound,
    PermissionDenied,
    ConnectionError,
    OperationTimeout,
    ResourceUnavailable,
    LimitsExceeded,
    AuthenticationError,
    OperationStopped,
    WriteError,
}

/// <summary>The stable error ids of AmlRbac. They are a contract: extend, never rename.</summary>
public static class ErrorIds
{
    public const string SnapshotInvalid = "SnapshotInvalid";
    public const string SnapshotNotFound = "SnapshotNotFound";
    public const string ScopeInvalid = "ScopeInvalid";
    public const string PrincipalNotFound = "PrincipalNotFound";
    public const string PrincipalAmbiguous = "PrincipalAmbiguous";
    public const string RoleNotFound = "RoleNotFound";
    public const string RoleDefinitionInvalid = "RoleDefinitionInvalid";
    public const string ActivityUnknown = "ActivityUnknown";
    public const string ActionUnknown = "ActionUnknown";
    public const string ActionInvalid = "ActionInvalid";
    /// <summary>A resource provider named to narrow a listing (-Provider, --provider) is not one the catalog lists.</summary>
    public const string ProviderUnknown = "ProviderUnknown";
    public const string InputObjectInvalid = "InputObjectInvalid";
    /// <summary>More than one tenant source (two snapshots, or a snapshot and piped objects) was given.</summary>
    public const string SourceConflict = "SourceConflict";
    /// <summary>A model asset id is not one of the documented forms (azureml://registries/..., azureml:name:version, azureml:/subscriptions/...).</summary>
    public const string ModelAssetIdInvalid = "ModelAssetIdInvalid";
    /// <summary>A policy definition, set definition, assignment or exemption in a snapshot is malformed.</summary>
    public const string PolicyInvalid = "PolicyInvalid";
    /// <summary>A value given to author a policy assignment is not accepted by the definition (for example an effect outside allowedValues).</summary>
    public const string PolicyParameterInvalid = "PolicyParameterInvalid";
    /// <summary>A related resource named for an activity (--related-resource, -RelatedResource) is a malformed id or a resource of no kind an activity is checked on.</summary>
    public const string RelatedResourceInvalid = "RelatedResourceInvalid";

    // The live source (Sources/Live). The ids name ARM, but requests to Microsoft Graph fail with the
    // same ids (a script reacts the same way to an expired token whichever API refused it); the message
    // says which API answered.

    /// <summary>A request to Azure Resource Manager or Microsoft Graph failed (an error status, or no answer after every retry).</summary>
    public const string ArmRequestFailed = "ArmRequestFailed";
    /// <summary>The API kept answering 429 Too Many Requests after every retry, or asked to wait longer than the time left.</summary>
    public const string ArmThrottled = "ArmThrottled";
    /// <summary>The access token was refused (401: expired, or issued for another API), or none was given for the API.</summary>
    public const string ArmUnauthorized = "ArmUnauthorized";
    /// <summary>The signed-in identity may not read what was asked (403, for example AuthorizationFailed).</summary>
    public const string ArmForbidden = "ArmForbidden";
    /// <summary>A request, with its retries, did not finish within the time allowed.</summary>
    public const string ArmTimeout = "ArmTimeout";
    /// <summary>An answer could not be used: not JSON, an item missing a field, or a nextLink that was refused (another host) or loops.</summary>
    public const string ArmResponseInvalid = "ArmResponseInvalid";

    // Model deployment guardrails (Questions/DeploymentGuardrail: RBAC and Azure Policy together).

    /// <summary>A model was named, but no activity asked about deploys one (none requires onlineEndpoints/deployments/write).</summary>
    public const string ModelWithoutDeployment = "ModelWithoutDeployment";
    /// <summary>The file an authored policy's parameters, or an access report, were to be written to cannot be written.</summary>
    public const string OutFileNotWritten = "OutFileNotWritten";
    /// <summary>Inputs that do not go together were given (two kinds of model guardrail, a definition file for a built-in definition).</summary>
    public const string ParameterCombinationInvalid = "ParameterCombinationInvalid";
    /// <summary>Test-AmlPermission -Strict: an answer is Eligible (a PIM eligible assignment, not activated, would grant it).</summary>
    public const string PermissionEligible = "PermissionEligible";
    /// <summary>Test-AmlPermission -Strict: an answer is Conditional (granted only under an ABAC condition).</summary>
    public const string PermissionConditional = "PermissionConditional";
    /// <summary>Test-AmlPermission -Strict: an answer is Unknown (the source cannot settle it).</summary>
    public const string PermissionUnknown = "PermissionUnknown";
    /// <summary>Assert-AmlPermission: an answer's outcome is not the one expected (-Decision, Allowed by default).</summary>
    public const string PermissionAssertionFailed = "PermissionAssertionFailed";
    /// <summary>A permission question names no operation and no activity to test.</summary>
    public const string ActionMissing = "ActionMissing";
    /// <summary>A question about principals names no tenant to answer from (no snapshot, no live Azure, no piped objects, no sample).</summary>
    public const string TenantMissing = "TenantMissing";
    /// <summary>A question names no principal and no role, and nothing was piped that names one.</summary>
    public const string SubjectMissing = "SubjectMissing";

    // Custom roles (Authoring: New-AmlCustomRole, amlrbac role).

    /// <summary>A role file given to check (-Path, amlrbac role lint FILE) does not exist.</summary>
    public const string RoleFileNotFound = "RoleFileNotFound";
    /// <summary>A role file could not be written (-OutFile, --out-file).</summary>
    public const string RoleFileWriteFailed = "RoleFileWriteFailed";
    /// <summary>A second role was to be written to the one role file (-OutFile with several roles piped in).</summary>
    public const string RoleFileAlreadyWritten = "RoleFileAlreadyWritten";

    // Live queries and export (Sources/Live, -Live, Export-AmlRbacSnapshot, amlrbac export).

    /// <summary>A live-only parameter (-AccessToken, -ArmUrl, ...) was given without -Live, or a live parameter's value is unusable.</summary>
    public const string LiveParameterInvalid = "LiveParameterInvalid";
    /// <summary>An exported snapshot cannot be written (its folder is missing, or the file cannot be written).</summary>
    public const string SnapshotWriteFailed = "SnapshotWriteFailed";

    // Access reports (Export-AmlAccessReport, amlrbac report).

    /// <summary>A report format other than html, markdown or csv was asked for (-Format, --format).</summary>
    public const string ReportFormatInvalid = "ReportFormatInvalid";
    /// <summary>The report file exists and replacing it was not asked for (-Force, --force).</summary>
    public const string OutFileExists = "OutFileExists";

    // Set-AmlWorkspaceIdentityRole / amlrbac workspace-identity (WorkspaceIdentity/): one id per way a
    // workspace can fail; each is reported for that workspace and the others go on.

    /// <summary>A workspace id, subscription id, resource group or workspace name given is malformed.</summary>
    public const string WorkspaceIdInvalid = "WorkspaceIdInvalid";
    /// <summary>A workspace was named without its subscription, and there is no Az context to take it from.</summary>
    public const string SubscriptionMissing = "SubscriptionMissing";
    /// <summary>The file of workspace ids (--ids-from) does not exist or cannot be read.</summary>
    public const string IdsFileNotFound = "IdsFileNotFound";
    /// <summary>The options do not go together (RemoveLegacyContributor with Role Contributor) or a value is out of range.</summary>
    public const string WorkspaceOptionsInvalid = "WorkspaceOptionsInvalid";
    /// <summary>ARM has no such workspace (404).</summary>
    public const string WorkspaceNotFound = "WorkspaceNotFound";
    /// <summary>The workspace has no system-assigned managed identity.</summary>
    public const string WorkspaceNoSystemIdentity = "WorkspaceNoSystemIdentity";
    /// <summary>The workspace has only user-assigned identities, whose roles Azure Machine Learning does not manage.</summary>
    public const string WorkspaceUserAssignedIdentityOnly = "WorkspaceUserAssignedIdentityOnly";
    /// <summary>The caller may not read or write what the conversion needs (403); the message names the permission.</summary>
    public const string WorkspaceForbidden = "WorkspaceForbidden";
    /// <summary>ARM kept throttling (429) past every retry for this workspace.</summary>
    public const string WorkspaceThrottled = "WorkspaceThrottled";
    /// <summary>The change was made but the role did not show on the resource group within TimeoutSeconds.</summary>
    public const string WorkspaceVerifyTimeout = "WorkspaceVerifyTimeout";
    /// <summary>Another ARM failure while converting this workspace; the message carries ARM's.</summary>
    public const string WorkspaceRequestFailed = "WorkspaceRequestFailed";
    /// <summary>Get-AmlUnusedAccess -ActivityLogPath (amlrbac unused --activity-log) names no file, or one that cannot be read.</summary>
    public const string ActivityLogNotFound = "ActivityLogNotFound";
    /// <summary>The activity log is not JSON or CSV of a shape the reader knows, holds no record, or a record has a value it cannot read.</summary>
    public const string ActivityLogInvalid = "ActivityLogInvalid";

    // Workspace security posture (Test-AmlWorkspacePosture, amlrbac posture).

    /// <summary>A posture rule id given to filter on (-RuleId, --rule) is not one of the rules (AMLP001 ...).</summary>
    public const string PostureRuleUnknown = "PostureRuleUnknown";
    /// <summary>A posture rule given to enforce (policy new --posture --rule, New-AmlPosturePolicy -RuleId) has no built-in policy definition that audits or denies it.</summary>
    public const string PostureRuleNotEnforceable = "PostureRuleNotEnforceable";
}
