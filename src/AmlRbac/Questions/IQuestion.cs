namespace AmlRbac.Questions;

/// <summary>A question made once (its names checked) and then answered for each subject a host gathers.</summary>
public interface IQuestion<out TAnswer>
{
    /// <summary>The answer for one subject; throws AmlRbacException when the source cannot answer for it.</summary>
    TAnswer AnswerFor(Subject subject);

    /// <summary>What the host shows the user as warnings, once, about how the question was read (an operation the catalog does not list ...).</summary>
    IReadOnlyList<string> Warnings => Array.Empty<string>();

    /// <summary>
    /// What the host shows as warnings about one subject, before its answer and as it shows <see cref="Warnings"/>: a
    /// scope the snapshot lists nothing at (<see cref="ScopeWarnings"/>).
    /// </summary>
    IReadOnlyList<string> WarningsFor(Subject subject) => Array.Empty<string>();
}

/// <summary>A question whose answer for a subject is decisions, one per operation or activity asked about.</summary>
public interface IQuestion : IQuestion<IReadOnlyList<PermissionAnswer>>
{
}
