using Xunit;
using static AmlRbac.Tests.Authoring.Roles;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Questions;

/// <summary>
/// A built role's pass or fail, decided once for New-AmlCustomRole (warnings) and amlrbac role new (exit 1):
/// a finding at error severity, or a grant beyond the reference role, fails it.
/// </summary>
public sealed class CustomRoleResultTests
{
    private static readonly AccessEvaluator Evaluator = new(Tenant.Empty);

    private static CustomRoleResult Build(string[] actions, string? reference = null) => new CustomRoleRequest
    {
        Builder = new RoleBuilder { Name = "Checked", Actions = actions, AssignableScopes = new[] { Subscription } },
        ReferenceRoleName = reference,
    }.Execute(Evaluator);

    [Fact]
    public void A_clean_role_within_its_reference_passes_with_no_failures()
    {
        var result = Build(new[] { Ml + "computes/read" }, "AzureML Data Scientist");

        Assert.True(result.Passed);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void A_finding_at_error_severity_fails_the_role_and_is_its_failure()
    {
        var result = Build(new[] { Ml + "computes/raed" });

        var error = Assert.Single(result.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.False(result.Passed);
        Assert.Equal(new[] { $"{error.Id} {error.Rule}: {error.Message}" }, result.Failures);
    }

    [Fact]
    public void A_grant_beyond_the_reference_fails_the_role_naming_the_operations()
    {
        var result = Build(new[] { Ml + "computes/read", Ml + "listKeys/action" }, "AzureML Data Scientist");

        Assert.False(result.Passed);
        Assert.Equal(new[] { $"Role 'Checked' grants 1 catalog operation(s) that 'AzureML Data Scientist' does not: {Ml}listKeys/action." }, result.Failures);
    }

    [Fact]
    public void Warnings_and_information_do_not_fail_a_role()
    {
        var findings = new[]
        {
            new RoleFinding { Id = "AMLR900", Rule = "Advice", Severity = FindingSeverity.Warning, Message = "m" },
            new RoleFinding { Id = "AMLR901", Rule = "Note", Severity = FindingSeverity.Information, Message = "m" },
        };

        Assert.False(RoleFinding.AnyError(findings));
        Assert.True(RoleFinding.AnyError(findings.Append(findings[0] with { Severity = FindingSeverity.Error })));
    }
}
