package id.go.jambiprov.lapor.report.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

interface ReportRepository extends CrudRepository<Report, UUID> {

	Optional<Report> findByTrackingCode(String trackingCode);

}
