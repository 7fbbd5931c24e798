namespace AmlRbac.Model;

/// <summary>
/// One entry of a definition's <c>parameters</c>: its type as written ("String", "Array", "string" all occur in
/// the built-ins [POL]), its <c>defaultValue</c> ("Sets the value of the parameter in an assignment if no value is
/// given" [PARAMS]) and its <c>allowedValues</c> (compared case-sensitively at assignment time [PARAMS]).
/// Values are plain JSON values: string, long, double, bool, null, lists and case-insensitive dictionaries.
/// </summary>
public sealed record PolicyParameterDefinition
{
    public required string Name { get; init; }
    public required string Type { get; init; }

    /// <summary>False when the definition gives no <c>defaultValue</c> (19539b54's <c>effect</c>): an assignment must then give a value.</summary>
    public bool HasDefaultValue { get; init; }
    public object? DefaultValue { get; init; }

    /// <summary>Null when the definition does not restrict the values.</summary>
    public IReadOnlyList<object?>? AllowedValues { get; init; }
}
