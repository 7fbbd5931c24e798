using AmlRbac.Output;
using AmlRbac.Questions;

namespace AmlRbac.Cli;

/// <summary>Writes answers in the format the user chose: one object or an array as JSON, blocks as text.</summary>
internal static class AnswerWriter
{
    /// <summary>The question's warnings, then those about the subject asked, on stderr, one line each, so stdout stays clean for JSON.</summary>
    public static void WriteWarnings<TAnswer>(Terminal terminal, IQuestion<TAnswer> question, Subject subject)
    {
        foreach (var warning in question.Warnings.Concat(question.WarningsFor(subject)))
        {
            terminal.Error.WriteLine("warning: " + warning);
        }
    }

    public static void WriteOne(Terminal terminal, string format, PermissionAnswer answer)
    {
        if (format == CommonOptions.Json)
        {
            terminal.Out.WriteLine(DecisionJson.Serialize(answer));
        }
        else
        {
            terminal.Out.Write(AnswerText.Render(new[] { answer }, terminal.Width));
        }
    }

    /// <summary>
    /// <paramref name="whenNone"/> is what the text says when there is no answer; JSON is then an empty array. A recursive
    /// listing (its answers name their resources) reads as a table across resources, others as blocks.
    /// </summary>
    public static void WriteMany(Terminal terminal, string format, IReadOnlyList<PermissionAnswer> answers, string whenNone)
    {
        if (format == CommonOptions.Json)
        {
            terminal.Out.WriteLine(DecisionJson.Serialize(answers));
        }
        else if (answers.Count == 0)
        {
            terminal.Out.WriteLine(whenNone);
        }
        else if (answers.Any(a => a.Resource is not null))
        {
            terminal.Out.Write(ReachText.Render(answers, terminal.Width));
        }
        else
        {
            terminal.Out.Write(AnswerText.Render(answers, terminal.Width));
        }
    }
}
