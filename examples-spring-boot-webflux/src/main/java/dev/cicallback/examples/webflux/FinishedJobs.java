package dev.cicallback.examples.webflux;

import dev.cicallback.model.json.Callback;
import dev.cicallback.model.json.JobsDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What the service does with a finished job or workflow run: here, it logs it (quickly: it runs on the event loop). */
@Service
public class FinishedJobs {

  private static final Logger LOG = LoggerFactory.getLogger(FinishedJobs.class);

  /** One valid callback, delivered once. */
  public void finished(Callback callback) {
    if (callback.getWorkflowExecution() != null) {
      var run = callback.getWorkflowExecution();
      LOG.info("workflow {} run {}: {}", run.getWorkflowId(), run.getRunId(), run.getState());
      return;
    }
    for (JobsDetail job : callback.getJobsDetail()) {
      LOG.info("job {} ({}): {} {}", job.getJobId(), job.getTag(), job.getState(), job.getCode());
    }
  }
}
