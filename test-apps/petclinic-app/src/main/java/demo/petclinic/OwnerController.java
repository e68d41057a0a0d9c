package demo.petclinic;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

@Controller
class OwnerController {
    private final OwnerRepository owners;

    OwnerController(OwnerRepository owners) {
        this.owners = owners;
    }

    @GetMapping("/owners")
    String find(@RequestParam(name = "lastName", defaultValue = "") String lastName, @RequestParam(name = "page", defaultValue = "1") int page,
                Model model) {
        Page<Owner> found = owners.findByLastNameStartingWith(lastName, PageRequest.of(page - 1, 5));
        model.addAttribute("owners", found.getContent());
        model.addAttribute("totalPages", found.getTotalPages());
        model.addAttribute("currentPage", page);
        return "owners/ownersList";
    }

    @GetMapping("/owners/{ownerId}")
    String show(@PathVariable("ownerId") int ownerId, Model model) {
        model.addAttribute("owner", owner(ownerId));
        return "owners/ownerDetails";
    }

    @GetMapping("/owners/new")
    String createForm(Model model) {
        model.addAttribute("owner", new Owner());
        return "owners/createOrUpdateOwnerForm";
    }

    @PostMapping("/owners/new")
    String create(@ModelAttribute Owner owner) {
        owners.save(owner);
        return "redirect:/owners/" + owner.getId();
    }

    @GetMapping("/owners/{ownerId}/pets/new")
    String newPet(@PathVariable("ownerId") int ownerId, Model model) {
        model.addAttribute("owner", owner(ownerId));
        model.addAttribute("pet", new Pet());
        List<PetType> types = owners.findPetTypes();
        model.addAttribute("types", types);
        return "pets/createOrUpdatePetForm";
    }

    private Owner owner(int id) {
        return owners.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no owner " + id));
    }
}
