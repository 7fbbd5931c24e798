using System.Management.Automation;
using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.PowerShell.Output;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// New-AmlCustomRole: a custom role definition built from a catalog template, catalog activities and
/// operation lists, checked against Azure's custom-role rules. It creates nothing in Azure: the object
/// it writes goes to ConvertTo-Json for New-AzRoleDefinition -InputFile, or to Test-AmlPermission -RoleDefinition.
/// </summary>
[Cmdlet(VerbsCommon.New, "AmlCustomRole", DefaultParameterSetName = ListsSet)]
[OutputType(typeof(AmlRoleDefinition))]
public sealed class NewAmlCustomRoleCommand : PSCmdlet
{
    public const string TemplateSet = "Template";
    public const string ListsSet = "Lists";

    [Parameter(Mandatory = true, ParameterSetName = TemplateSet)]
    [ArgumentCompleter(typeof(TemplateCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Template { get; set; }

    /// <summary>The role name; a template's name when omitted with -Template.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ListsSet)]
    [Parameter(ParameterSetName = TemplateSet)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(ActivityCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Activity { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
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

    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string[]? AssignableScope { get; set; }

    protected override void ProcessRecord()
    {
        var builder = new RoleBuilder
        {
            Template = Template,
            Name = Name,
            Description = Description,
            Activities = Activity ?? Array.Empty<string>(),
            Actions = Action ?? Array.Empty<string>(),
            NotActions = NotAction ?? Array.Empty<string>(),
            DataActions = DataAction ?? Array.Empty<string>(),
            NotDataActions = NotDataAction ?? Array.Empty<string>(),
            AssignableScopes = AssignableScope ?? Array.Empty<string>(),
        };
        try
        {
            WriteObject(AmlRoleDefinition.From(builder.Build()));
        }
        catch (AmlRbacException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception));
        }
    }
}
