using System.Management.Automation;
using AmlRbac.Questions;
using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.PowerShell.Output;
using AmlRbac.Sources;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// New-AmlCustomRole: a custom role definition built from a catalog template, an existing role (piped or
/// a JSON file), catalog activities and operation lists; linted, optionally compacted and compared with a
/// reference role. It creates nothing in Azure: -OutFile writes the file New-AzRoleDefinition -InputFile
/// and az role definition create read. The work is CustomRoleRequest's, shared with amlrbac role new.
/// </summary>
[Cmdlet(VerbsCommon.New, "AmlCustomRole", DefaultParameterSetName = ListsSet)]
[OutputType(typeof(AmlRoleDefinition))]
public sealed class NewAmlCustomRoleCommand : PSCmdlet
{
    public const string TemplateSet = "Template";
    public const string ListsSet = "Lists";
    public const string RoleSet = "Role";
    public const string FileSet = "File";
    public const string LiteralFileSet = "LiteralFile";

    [Parameter(Mandatory = true, ParameterSetName = TemplateSet)]
    [ArgumentCompleter(typeof(TemplateCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Template { get; set; }

    /// <summary>An existing role to check or tighten: Get-AzRoleDefinition or New-AmlCustomRole output.</summary>
    [Parameter(Mandatory = true, ParameterSetName = RoleSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Role definition JSON files to check or tighten (wildcards allowed; each file matched is one role).</summary>
    [Parameter(Mandatory = true, ParameterSetName = FileSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>A role definition JSON file to check or tighten, taken literally (no wildcard expansion: '[' ']' are part of the name).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralFileSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string? LiteralPath { get; set; }

    /// <summary>The role name; a template's or the existing role's name when omitted.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ListsSet)]
    [Parameter(ParameterSetName = TemplateSet)]
    [Parameter(ParameterSetName = RoleSet)]
    [Parameter(ParameterSetName = FileSet)]
    [Parameter(ParameterSetName = LiteralFileSet)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(ActivityCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Activity { get; set; }

    [Parameter]
    public ActivityApiVersion ApiVersion { get; set; } = ActivityApiVersion.V2;

    [Parameter]
    [ArgumentCompleter(typeof(ActivityCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeActivity { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ActionCompleter))]
    public string[]? Action { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? NotAction { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? DataAction { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? NotDataAction { get; set; }

    /// <summary>Required when building a new role; an existing role keeps its scopes unless this is given.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ListsSet)]
    [Parameter(Mandatory = true, ParameterSetName = TemplateSet)]
    [Parameter(ParameterSetName = RoleSet)]
    [Parameter(ParameterSetName = FileSet)]
    [Parameter(ParameterSetName = LiteralFileSet)]
    [ValidateNotNullOrEmpty]
    public string[]? AssignableScope { get; set; }

    [Parameter]
    public SwitchParameter Compact { get; set; }

    /// <summary>A built-in role name or id, or a role object (Get-AzRoleDefinition output).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RoleNameCompleter))]
    [ValidateNotNull]
    public PSObject? ReferenceRole { get; set; }

    [Parameter]
    public RoleShape Shape { get; set; } = RoleShape.Permissions;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    private int _position;

    protected override void ProcessRecord()
    {
        // Each file a -Path pattern matches is a role of its own, as Get-Content reads each file it matches.
        if (ParameterSetName is not (FileSet or LiteralFileSet))
        {
            Build(null);
            return;
        }
        var files = ParameterSetName == FileSet
            ? ProviderPaths.Resolve(SessionState, Path!)
            : new[] { ProviderPaths.Literal(SessionState, LiteralPath!) };
        foreach (var file in files)
        {
            Build(file);
        }
    }

    /// <summary>One role: built on <paramref name="file"/>'s role, the piped role, or neither.</summary>
    private void Build(string? file)
    {
        _position++;
        try
        {
            if (OutFile is not null && _position > 1)
            {
                throw new AmlRbacException(ErrorIds.RoleFileAlreadyWritten, FailureCategory.InvalidArgument,
                    $"-OutFile '{OutFile}' holds one role, and a role was already written to it; pipe one role at a time with -OutFile.", OutFile);
            }
            var request = new CustomRoleRequest
            {
                Builder = Builder(file),
                Compact = Compact,
                ReferenceRole = ReferenceRole is { BaseObject: not string } ? RoleInput.FromProperties(PropertyBag.From(ReferenceRole), "-ReferenceRole") : null,
                ReferenceRoleName = ReferenceRole?.BaseObject as string,
                Shape = Shape,
                OutFile = OutFile is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile),
            };
            var result = request.Execute();
            // What fails the check is a warning; the other findings are for -Verbose.
            foreach (var failure in result.Failures)
            {
                WriteWarning(failure);
            }
            foreach (var finding in result.Findings.Where(f => !f.IsError))
            {
                WriteVerbose($"{finding.Severity} {finding.Id} {finding.Rule}: {finding.Message}");
            }
            WriteObject(AmlRoleDefinition.From(result));
        }
        catch (AmlRbacException exception)
        {
            // One bad piped role does not stop the others; a bad parameter stops the command.
            if (ParameterSetName == RoleSet)
            {
                WriteError(ErrorRecords.From(exception));
            }
            else
            {
                ThrowTerminatingError(ErrorRecords.From(exception));
            }
        }
    }

    private RoleBuilder Builder(string? file) => new()
    {
        BaseRole = BaseRole(file),
        Template = Template,
        Name = Name,
        Description = Description,
        Id = Id,
        Activities = Activity ?? Array.Empty<string>(),
        ApiVersion = MyInvocation.BoundParameters.ContainsKey(nameof(ApiVersion)) ? ApiVersion : null,
        ExcludeActivities = ExcludeActivity ?? Array.Empty<string>(),
        Actions = Action ?? Array.Empty<string>(),
        NotActions = NotAction ?? Array.Empty<string>(),
        DataActions = DataAction ?? Array.Empty<string>(),
        NotDataActions = NotDataAction ?? Array.Empty<string>(),
        AssignableScopes = AssignableScope ?? Array.Empty<string>(),
    };

    // A file that is not JSON leaves no role to build on: the syntax finding (line and column) is the error.
    private RoleDefinition? BaseRole(string? file)
    {
        if (InputObject is not null)
        {
            return RoleInput.FromProperties(PropertyBag.From(InputObject), PropertyBag.Describe(InputObject, _position));
        }
        return file is null ? null : RoleInput.FromFile(file).Required(file);
    }
}
