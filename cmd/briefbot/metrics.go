package main

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/briefbot/briefbot/internal/pipeline"
)

// metrics are what /metrics serves to Prometheus. They live in their own
// registry, so that tests can make as many as they like.
type metrics struct {
	reg        *prometheus.Registry
	briefed    *prometheus.CounterVec
	rejects    *prometheus.CounterVec
	deliveries *prometheus.CounterVec
	commands   *prometheus.HistogramVec
}

// newMetrics registers the bot's metrics, each labelled with the replica's
// name, so that the replicas sharing an archive are told apart when their
// metrics are summed; pending reports the outbox's queue depth when
// scraped.
func newMetrics(replica string, pending func(context.Context) (int, error)) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		briefed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_articles_briefed_total",
			Help: "Articles briefed and archived as new, by source (file or feed).",
		}, []string{"source"}),
		rejects: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_rejects_total",
			Help: "Files, feed items and feed polls refused, by reason.",
		}, []string{"reason"}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_deliveries_total",
			Help: "Attempts to post to a channel, by channel and outcome (sent, retry, rate_limited, failed, resent).",
		}, []string{"channel", "outcome"}),
		commands: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "briefbot_command_duration_seconds",
			Help:    "Time to answer a command, by command.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"command"}),
	}
	queue := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "briefbot_outbox_pending",
		Help: "Posts waiting in the outbox, all configured channels together.",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		n, err := pending(ctx)
		if err != nil {
			return -1
		}
		return float64(n)
	})
	reg := prometheus.WrapRegistererWith(prometheus.Labels{"replica": replica}, m.reg)
	reg.MustRegister(m.briefed, m.rejects, m.deliveries, m.commands, queue,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, r := range pipeline.Reasons {
		m.rejects.WithLabelValues(r) // shown at zero before the first
	}
	return m
}

func (m *metrics) observeDelivery(channel, outcome string) {
	m.deliveries.WithLabelValues(channel, outcome).Inc()
}

func (m *metrics) observeCommand(command string, took time.Duration) {
	m.commands.WithLabelValues(command).Observe(took.Seconds())
}
