// The seed's timestamps have no time zone; Node works in UTC so dates never shift with the host.
process.env.TZ = 'UTC';
