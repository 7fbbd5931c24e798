using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AmlRbac.Output;
using AmlRbac.Questions;

namespace AmlRbac.PowerShell;

/// <summary>Tab completion of -Format with the report formats (html, markdown, csv).</summary>
public sealed class ReportFormatCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        NameCompletion.Complete(wordToComplete, ReportFormats.Names)
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name));
}
