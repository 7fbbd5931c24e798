using AmlRbac.Authoring;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// One lint finding of a role as PowerShell shows it: the properties of the engine's <see cref="RoleFinding"/> with
/// the same names (scripts match on Id and Severity), the severity as its name, and the finding's own text as
/// its ToString.
/// </summary>
public sealed class AmlRoleFinding
{
    private readonly string _text;

    private AmlRoleFinding(string text) => _text = text;

    public required string Id { get; init; }
    public required string Rule { get; init; }
    /// <summary>Information, Warning or Error.</summary>
    public required string Severity { get; init; }
    public string? List { get; init; }
    public string? Entry { get; init; }
    public required string Message { get; init; }
    public int? Line { get; init; }
    public int? Column { get; init; }
    /// <summary>The finding fails the role's check.</summary>
    public bool IsError { get; init; }

    public static AmlRoleFinding From(RoleFinding finding) => new(finding.ToString())
    {
        Id = finding.Id,
        Rule = finding.Rule,
        Severity = finding.Severity.ToString(),
        List = finding.List,
        Entry = finding.Entry,
        Message = finding.Message,
        Line = finding.Line,
        Column = finding.Column,
        IsError = finding.IsError,
    };

    public override string ToString() => _text;
}
