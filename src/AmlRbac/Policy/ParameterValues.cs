using AmlRbac.Model;

namespace AmlRbac.Policy;

/// <summary>
/// The parameter values one evaluation of a definition sees: the value given (by the assignment, or by the
/// initiative member), else the definition's <c>defaultValue</c> ("Sets the value of the parameter in an assignment if
/// no value is given" [PARAMS]). A parameter with neither has no value; reading it cannot be evaluated (inference:
/// [PARAMS] gives no value to use; 19539b54's effect has no default [POL]).
/// </summary>
internal sealed class ParameterValues
{
    private readonly IReadOnlyDictionary<string, PolicyParameterDefinition> _declared;
    private readonly IReadOnlyDictionary<string, object?> _given;

    public ParameterValues(IReadOnlyDictionary<string, PolicyParameterDefinition> declared, IReadOnlyDictionary<string, object?> given)
    {
        _declared = declared;
        _given = given;
    }

    /// <summary>The value of <c>parameters(name)</c>, or throws <see cref="CannotEvaluateException"/> saying why there is none.</summary>
    public object? Get(string name)
    {
        if (_given.TryGetValue(name, out var value))
        {
            return value;
        }
        if (!_declared.TryGetValue(name, out var declared))
        {
            throw new CannotEvaluateException($"the definition declares no parameter '{name}'.");
        }
        return declared.HasDefaultValue
            ? declared.DefaultValue
            : throw new CannotEvaluateException($"parameter '{name}' has no value in the assignment and no defaultValue in the definition {PublicSource.PolicyParameters}.");
    }
}
