import CMalloc
import Glibc
import MountAudit

/// The executable: parse the command line, run the library, map the outcome to an exit
/// status. Every error is turned into its message and status here and nowhere else.
enum ExitStatus {
  static let clean: Int32 = 0
  static let findings: Int32 = 1
  static let cannotRun: Int32 = 2
  static let usage: Int32 = 64
}

func run(_ arguments: [String]) -> Int32 {
  let invocation: Invocation
  do {
    let parser = ArgumentParser(arguments: arguments)
    invocation = try parser.parse()
    if let seconds = try parser.timeout() { Timeout.arm(seconds: seconds) }
  } catch {
    Output.error(error.message)
    Output.error("Run 'mountaudit --help' for usage.", prefixed: false)
    return ExitStatus.usage
  }
  do {
    let status = try Commands.run(invocation)
    if let failure = Output.writeFailure {
      Output.error("cannot write the report: \(String(cString: strerror(failure)))")
      return ExitStatus.cannotRun
    }
    return status
  } catch {
    Output.error(error.description)
    return ExitStatus.cannotRun
  }
}

// No fast bins: a big table is read by freeing libmount's entries while their copies are
// made, and glibc's consolidation of fast bins then took an eighth of the run (measured in
// bench/where-the-time-goes.md). Freed blocks still go to the per-thread cache.
mallopt(M_MXFAST, 0)
exit(run(Array(CommandLine.arguments.dropFirst())))
