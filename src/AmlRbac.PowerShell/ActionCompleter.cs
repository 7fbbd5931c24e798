using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AmlRbac.Catalog;
using AmlRbac.Questions;

namespace AmlRbac.PowerShell;

/// <summary>Tab completion of -Action with the catalog's operation names; the tooltip is Azure's description of the operation.</summary>
public sealed class ActionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        NameCompletion.Complete(wordToComplete, AmlCatalog.Default.OperationNames)
            .Select(name => AmlCatalog.Default.FindOperation(name)!)
            .Select(o => new CompletionResult(o.Name, o.Name, CompletionResultType.ParameterValue, Tooltip(o)));

    // PowerShell shows no tooltip for an empty string: fall back to the name.
    private static string Tooltip(Operation operation) =>
        operation.Description.Length > 0 ? operation.Description : operation.Name;
}
