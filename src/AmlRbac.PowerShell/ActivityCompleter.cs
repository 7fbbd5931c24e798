using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AmlRbac.Catalog;
using AmlRbac.Questions;

namespace AmlRbac.PowerShell;

/// <summary>Tab completion of -Activity with the catalog's activity names; the tooltip says what each one is.</summary>
public sealed class ActivityCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        NameCompletion.Complete(wordToComplete, AmlCatalog.Default.Activities.Select(a => a.Name))
            .Select(AmlCatalog.Default.GetActivity)
            .Select(a => new CompletionResult(a.Name, a.Name, CompletionResultType.ParameterValue, a.DisplayName));
}
