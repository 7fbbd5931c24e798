using Xunit;

using AmlRbac.Model;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// The cmdlets turn an AmlRbacException into an ErrorRecord whose ErrorCategory is found by the name
/// of its FailureCategory: every name must exist in PowerShell's ErrorCategory, or the mapping throws.
/// </summary>
public sealed class ErrorCategoryTests
{
    [Fact]
    public void Every_failure_category_is_an_ErrorCategory()
    {
        var errorCategory = ModuleFiles.PowerShellAssembly.GetType("System.Management.Automation.ErrorCategory", throwOnError: true)!;
        var names = errorCategory.GetFields().Where(f => f.IsLiteral).Select(f => f.Name).ToHashSet();

        Assert.DoesNotContain(Enum.GetNames<FailureCategory>(), name => !names.Contains(name));
    }
}
