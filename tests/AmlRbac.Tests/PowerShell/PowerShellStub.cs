using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// Lets a test run a cmdlet class's own code without PowerShell: System.Management.Automation is
/// loaded from PowerShellStandard.Library, whose methods do nothing (WriteProgress writes nothing,
/// MyInvocation is null), so a test calls the cmdlet's steps itself, by reflection, as the pipeline would.
/// Call <see cref="Load"/> before any code that names a cmdlet type runs (a test class's constructor):
/// the runtime resolves the assembly when it first compiles such code.
/// </summary>
internal static class PowerShellStub
{
    private static readonly Lazy<bool> Loaded = new(() =>
    {
        var path = ModuleFiles.PowerShellReferencePath();
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name == "System.Management.Automation" ? context.LoadFromAssemblyPath(path) : null;
        return true;
    });

    public static void Load() => _ = Loaded.Value;

    /// <summary>Calls a cmdlet step (BeginProcessing, ProcessRecord, StopProcessing ...) as the pipeline does, through its virtual.</summary>
    public static void Call(object cmdlet, string step)
    {
        var method = cmdlet.GetType().GetMethod(step, BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes)
            ?? throw new ArgumentException($"{cmdlet.GetType().Name} has no {step}.", nameof(step));
        try
        {
            method.Invoke(cmdlet, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }
}
