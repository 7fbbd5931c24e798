namespace AmlRbac.Questions;

/// <summary>A question made once (its names checked) and then answered for each subject a host gathers.</summary>
public interface IQuestion
{
    /// <summary>The answers for one subject; throws AmlRbacException when the source cannot answer for it.</summary>
    IReadOnlyList<PermissionAnswer> AnswerFor(Subject subject);
}
