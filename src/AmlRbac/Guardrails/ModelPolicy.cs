using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Guardrails;

/// <summary>
/// An authored model guardrail: the assignment to create, and for the custom allow-list the definition to create
/// first, and the request it was authored from. <see cref="Warnings"/> are the definition's then the assignment's, each once.
/// </summary>
public sealed record ModelPolicy(PolicyAssignmentDraft Assignment, CustomDefinitionDraft? Definition, ModelPolicyRequest Request)
{
    public IReadOnlyList<string> Warnings => (Definition?.Warnings ?? Array.Empty<string>()).Concat(Assignment.Warnings).Distinct().ToList();

    /// <summary>
    /// Writes the parameters file (<see cref="PolicyAssignmentDraft.ParametersJson"/>) to <paramref name="path"/>,
    /// whole or not at all: a temporary file beside it is moved into place. Throws OutFileNotWritten.
    /// </summary>
    public void WriteParametersFile(string path)
    {
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, Assignment.ParametersJson);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            var category = e is UnauthorizedAccessException ? FailureCategory.PermissionDenied : FailureCategory.ResourceUnavailable;
            throw new AmlRbacException(ErrorIds.OutFileNotWritten, category, $"The parameters file '{path}' cannot be written: {e.Message}", path, e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the error about the file itself is what the user needs.
        }
    }
}
