namespace AmlRbac.Questions;

/// <summary>A question made once (its names checked) and then answered for each subject a host gathers.</summary>
public interface IQuestion
{
    /// <summary>The answers for one subject; throws AmlRbacException when the source cannot answer for it.</summary>
    IReadOnlyList<PermissionAnswer> AnswerFor(Subject subject);

    /// <summary>What the host shows the user as warnings, once, about how the question was read (an operation the catalog does not list ...).</summary>
    IReadOnlyList<string> Warnings => Array.Empty<string>();
}
