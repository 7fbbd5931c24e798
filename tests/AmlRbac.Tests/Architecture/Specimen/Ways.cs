// Types for DependencyReaderTests, compiled into the test assembly: each Via* type uses Target.Mark in one way
// only, a way a reader of declarations alone (or of the outer method's IL alone) would miss. Nothing runs this
// code; only its compiled form is read.

namespace AmlRbac.Tests.Architecture.Specimen.Ways.Target
{
    // An exception, so that it can also be caught.
    public class Mark : Exception
    {
        public static int Count => 1;
    }
}

namespace AmlRbac.Tests.Architecture.Specimen.Ways
{
    using AmlRbac.Tests.Architecture.Specimen.Ways.Target;

    public sealed class ViaLambda
    {
        public Func<int> Make() => () => Mark.Count;
    }

    public sealed class ViaClosure
    {
        public Func<int> Make(int n) => () => n + Mark.Count;
    }

    public sealed class ViaIterator
    {
        public IEnumerable<int> Each()
        {
            yield return Mark.Count;
        }
    }

    public sealed class ViaAsync
    {
        public async Task<int> CountAsync()
        {
            await Task.Yield();
            return Mark.Count;
        }
    }

    public sealed class ViaLocalFunction
    {
        public int Twice()
        {
            return Local() * 2;

            static int Local() => Mark.Count;
        }
    }

    public sealed class ViaGenericArgument
    {
        public Dictionary<string, List<Mark[]>>? Items;
    }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class MarkedAttribute : Attribute
    {
        public MarkedAttribute(Type type) => Type = type;

        public Type Type { get; }
    }

    [Marked(typeof(Mark))]
    public sealed class ViaAttribute
    {
    }

    public sealed class ViaConstraint<T>
        where T : Mark
    {
    }

    public static class Maker
    {
        public static Mark Make() => new();
    }

    public sealed class ViaCall
    {
        public int Size() => Maker.Make().GetHashCode();
    }

    public static class ViaCatch
    {
        public static bool Tries(Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (Mark)
            {
                return false;
            }
        }
    }

    public static class ViaTypeof
    {
        public static Type Kind() => typeof(Mark);
    }

    public sealed class ViaNested
    {
        public sealed class Inner
        {
            public Mark? Held;
        }
    }
}
