package demo.petclinic;

import org.springframework.data.repository.Repository;

import java.util.Collection;

public interface VetRepository extends Repository<Vet, Integer> {
    Collection<Vet> findAll();
}
