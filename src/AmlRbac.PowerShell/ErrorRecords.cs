using System.Management.Automation;
using AmlRbac.Model;

namespace AmlRbac.PowerShell;

/// <summary>Turns the engine's one exception into the ErrorRecord scripts match on (ErrorId and category).</summary>
internal static class ErrorRecords
{
    // FailureCategory's member names are ErrorCategory's (the engine cannot reference PowerShell), so
    // the mapping is by name; a test checks every name exists in ErrorCategory.
    public static ErrorRecord From(AmlRbacException exception) =>
        new(exception, exception.ErrorId, (ErrorCategory)Enum.Parse(typeof(ErrorCategory), exception.Category.ToString()), exception.Target);
}
