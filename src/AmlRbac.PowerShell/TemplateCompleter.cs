using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AmlRbac.Catalog;
using AmlRbac.Questions;

namespace AmlRbac.PowerShell;

/// <summary>Tab completion of -Template with the catalog's role template names; the tooltip is the role's name.</summary>
public sealed class TemplateCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        NameCompletion.Complete(wordToComplete, AmlCatalog.Default.Templates.Select(t => t.Name))
            .Select(name => AmlCatalog.Default.FindTemplate(name)!)
            .Select(t => new CompletionResult(t.Name, t.Name, CompletionResultType.ParameterValue, t.Role.Name));
}
