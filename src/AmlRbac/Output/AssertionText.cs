using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// Why an assertion on permissions failed, as the message a Pester run prints: each answer that is not
/// what was expected, with who, where, what, the outcome and every reason, so a failing governance check
/// says why without a second run.
/// </summary>
public static class AssertionText
{
    /// <summary>Why an assertion that does not hold (<see cref="PermissionAnswer.Holds"/>) failed: nothing answered, or each unexpected answer.</summary>
    public static string Failure(IReadOnlyList<PermissionAnswer> answers, IReadOnlyCollection<Outcome> expected)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(expected);
        if (answers.Count == 0)
        {
            return "Nothing was answered: the upstream command listed no role assignment or role definition to ask about, so nothing can be asserted.";
        }
        var unexpected = PermissionAnswer.Unexpected(answers, expected);
        var wanted = string.Join(" or ", expected);
        var lines = new List<string> { $"Expected {wanted}, but {Count(unexpected.Count)} not:" };
        foreach (var answer in unexpected)
        {
            lines.Add($"- {Subject(answer)}: {What(answer)} is {answer.Outcome}.");
            lines.AddRange(DecisionText.Explain(answer).Select(s => "    " + s));
        }
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>
    /// One undecided answer (Eligible, Conditional, Unknown) in one line, for the warning a yes/no test writes
    /// beside its false, or the error it fails with under -Strict: who, what, the outcome and why.
    /// </summary>
    public static string Undecided(PermissionAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return $"{Subject(answer)}: {What(answer)} is {answer.Outcome}, not Allowed: {string.Join(" ", DecisionText.Explain(answer))}";
    }

    private static string Count(int count) => count == 1 ? "1 answer is" : $"{count} answers are";

    private static string Subject(PermissionAnswer answer)
    {
        var (principalId, roleName, scope) = answer.Operation is { } operation
            ? (operation.PrincipalId, operation.RoleName, operation.Scope)
            : (answer.Activity!.PrincipalId, answer.Activity.RoleName, answer.Activity.Scope);
        if (principalId is null)
        {
            return $"role '{roleName}' alone";
        }
        var who = answer.PrincipalName is { } name && name != principalId ? $"{name} ({principalId})" : principalId;
        return $"{who} at {scope}";
    }

    private static string What(PermissionAnswer answer) =>
        answer.Operation is { } operation ? operation.Action
        : answer.Deployment is { } deployment ? $"activity {answer.Activity!.Activity.Name} of model {deployment.Model.AssetId}"
        : $"activity {answer.Activity!.Activity.Name}";
}
