using AmlRbac.Output;
using AmlRbac.Questions;

namespace AmlRbac.Cli;

/// <summary>Writes answers in the format the user chose: one object or an array as JSON, blocks as text.</summary>
internal static class AnswerWriter
{
    /// <summary>The question's warnings on stderr, one line each, so stdout stays clean for JSON.</summary>
    public static void WriteWarnings(Terminal terminal, IQuestion<object> question)
    {
        foreach (var warning in question.Warnings)
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

    /// <summary><paramref name="whenNone"/> is what the text says when there is no answer; JSON is then an empty array.</summary>
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
        else
        {
            terminal.Out.Write(AnswerText.Render(answers, terminal.Width));
        }
    }
}
